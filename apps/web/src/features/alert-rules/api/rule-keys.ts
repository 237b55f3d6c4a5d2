/** Query keys of the alert-rules feature (rules and the webhooks they notify). */
export const ruleKeys = {
  rules: ['alert-rules'] as const,
  webhooks: ['alert-webhooks'] as const,
};
