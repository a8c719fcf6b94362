/** What a suspended tenant's members, API keys and actions are told (docs/operations.md). */
export const SUSPENDED_MESSAGE = 'This workspace is suspended';
