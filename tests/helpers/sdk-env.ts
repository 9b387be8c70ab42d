/**
 * Environment both real SDKs need when they talk to the local cloud (docs/testing.md): dummy credentials
 * (without them they die on an unhandled rejection) and TENCENTCLOUD=true (no metadata-host probing).
 */
process.env['TENCENTCLOUD'] = 'true';
process.env['TENCENTCLOUD_SECRETID'] ??= 'local-secret-id';
process.env['TENCENTCLOUD_SECRETKEY'] ??= 'local-secret-key';
process.env['SILENCE'] = 'true';
