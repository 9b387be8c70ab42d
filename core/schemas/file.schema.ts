/**
 * The console's file upload and file URL (docs/console.md#files; core/files/console-files.rules.ts): admin-api's
 * routes only, so not in commands.registry.ts (whose tests hold every field to the rules of typed text, which
 * a file's Base64 is not).
 */
import { z } from 'zod';
import { isBase64 } from '../files/base64';
import { FILE_PURPOSE_NAMES } from '../files/console-files.rules';
import { fileId, id, oneOf, query, text } from './fields.schema';

/**
 * An upload: the file's bytes as standard Base64 in the JSON body (no `data:` prefix), its name (the type is
 * its extension, checked against its first bytes), what it is for, and the unit it belongs to (the caller's
 * own unit when absent). Its size and type are the use case's checks, with their own codes (FILE_TOO_LARGE,
 * FILE_TYPE_NOT_ALLOWED); nothing is stored when any check fails. It writes no record, so it carries no
 * request id: retrying stores a second copy, which no record ever names.
 */
export const fileUploadSchema = query({
  purpose: oneOf('文件用途', FILE_PURPOSE_NAMES),
  fileName: text('文件名', { max: 120 }),
  content: z
    .string({ error: '请选择要上传的文件' })
    .min(1, { error: '请选择要上传的文件' })
    .refine(isBase64, { error: '文件内容须为 Base64 文本' }),
  orgUnitId: id('所属单位').optional(),
});
export type FileUploadCommand = z.output<typeof fileUploadSchema>;

export const fileUrlSchema = query({ fileId });
export type FileUrlQuery = z.output<typeof fileUrlSchema>;
