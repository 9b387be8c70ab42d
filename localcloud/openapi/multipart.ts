/**
 * The multipart/form-data body parser for `wx.openApi` (and `wx.wxPayApi`): node-sdk sends the action's
 * fields as text parts and `requestData` as an `application/octet-stream` part (docs/wire-protocol.md
 * section 5). Text parts become strings, binary parts Buffers.
 */
import busboy from 'busboy';
import { CloudError, CloudErrorCode } from '../protocol/cloud-error';

const MAX_PARTS = 64;
const MAX_FIELD_BYTES = 1024 * 1024;

function malformed(detail: string): CloudError {
  return new CloudError(CloudErrorCode.InvalidParam, `请求体不是合法的 multipart/form-data:${detail}`);
}

export function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { 'content-type': contentType },
        limits: {
          parts: MAX_PARTS,
          fields: MAX_PARTS,
          files: MAX_PARTS,
          fieldSize: MAX_FIELD_BYTES,
          fileSize: body.length + 1,
        },
      });
    } catch (e) {
      reject(malformed(e instanceof Error ? e.message : String(e)));
      return;
    }
    const out: Record<string, unknown> = {};
    let failed = false;
    const fail = (detail: string) => {
      if (failed) return;
      failed = true;
      reject(malformed(detail));
    };
    bb.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) fail(`字段 ${name} 过长`);
      else out[name] = value;
    });
    bb.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(`文件部分 ${name} 过大`));
      stream.on('error', (e: Error) => fail(e.message));
      stream.on('end', () => {
        out[name] = Buffer.concat(chunks);
      });
    });
    bb.on('partsLimit', () => fail('部分数量超过上限'));
    bb.on('fieldsLimit', () => fail('字段数量超过上限'));
    bb.on('filesLimit', () => fail('文件数量超过上限'));
    bb.on('error', (e: unknown) => fail(e instanceof Error ? e.message : String(e)));
    bb.on('close', () => {
      if (!failed) resolve(out);
    });
    bb.end(body);
  });
}
