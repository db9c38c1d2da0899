/** A model-management request that cannot be done; the message is for the manager. */
export class ModelManagementError extends Error {
  override name = 'ModelManagementError';
  constructor(
    readonly code: 'not-found' | 'bad-request',
    message: string,
  ) {
    super(message);
  }
}
