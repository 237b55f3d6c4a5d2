// Placeholder so the interface typechecks; the gsdk implementation replaces this file.
export {};
