// The server tells every live connection of a session that it ended, the signing-out tab's own
// included, often before that tab's logout request has answered: that tab must not treat its own
// sign-out as "your session ended".
let startedAt = Number.NEGATIVE_INFINITY;

/** This tab is signing out now. */
export function markOwnSignOut(): void {
  startedAt = Date.now();
}

/** Whether this tab began a sign-out in the last few seconds. */
export function isOwnSignOut(): boolean {
  return Date.now() - startedAt < 10_000;
}
