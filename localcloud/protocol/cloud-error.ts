/**
 * Errors the local cloud replies with. `code` is the CloudBase code the SDKs map (docs/wire-protocol.md
 * section 1); the message is Chinese for people, with the English phrase CloudBase uses where one exists.
 */
export const CloudErrorCode = {
  InvalidParam: 'INVALID_PARAM',
  InvalidAction: 'INVALID_ACTION',
  BodyTooLarge: 'INVALID_PARAM',
  /** CloudBase's code for a cloud function's request body over its limit (6 MB for a synchronous call). */
  PayloadTooLarge: 'EXCEED_MAX_PAYLOAD_SIZE',
  CollectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  CollectionExists: 'DATABASE_COLLECTION_ALREADY_EXIST',
  InvalidOperator: 'DATABASE_INVALID_OPERRATOR',
  RequestFailed: 'DATABASE_REQUEST_FAILED',
  DuplicateKey: 'DATABASE_DUPLICATE_WRITE',
  TransactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  TransactionNotExist: 'DATABASE_TRANSACTION_NOT_EXIST',
  FunctionNotFound: 'FUNCTIONS_REQUEST_FAIL',
  FunctionExecuteFail: 'FUNCTIONS_EXECUTE_FAIL',
  FunctionTimeout: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
  SysErr: 'SYS_ERR',
  /** Storage (docs/wire-protocol.md section 9): wx-server-sdk maps it to -503003. */
  StorageFileNotExist: 'STORAGE_FILE_NONEXIST',
  /** A cloud path whose extension is not a type the platform stores (localcloud/storage/storage.limits.ts). */
  StorageTypeNotAllowed: 'STORAGE_FILE_TYPE_NOT_ALLOWED',
} as const;

export type CloudErrorCodeValue = (typeof CloudErrorCode)[keyof typeof CloudErrorCode];

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

export function invalidParam(message: string): CloudError {
  return new CloudError(CloudErrorCode.InvalidParam, message);
}
