/**
 * The building blocks of the platform's Word documents (.docx, the `docx` package): paragraphs, headings, a
 * title, tables in the house font, the Chinese date line, and the file as base64. The removal report
 * (core/providers/regulator-report.document.ts) and the volunteer certificate
 * (core/volunteers/volunteer-certificate.document.ts) are written with them.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatShanghaiMinute } from './shanghai-time';

/** 宋体, what official documents are set in. */
const FONT = 'SimSun';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A paragraph of body text (12 pt). */
export function para(
  text: string,
  options: { readonly bold?: boolean; readonly align?: keyof typeof ALIGN } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'left'],
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold === true, font: FONT, size: 24 })],
  });
}

/** A section heading (一、…; 14 pt bold). */
export function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, font: FONT, size: 28 })],
  });
}

/** The document's title, centred (18 pt bold). */
export function title(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, bold: true, font: FONT, size: 36 })],
  });
}

/** A full-width table of text cells; `header`: the first row in bold. */
export function table(rows: readonly (readonly string[])[], header: boolean): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          children: cells.map((c) => new TableCell({ children: [para(c, { bold: header && i === 0 })] })),
        }),
    ),
  });
}

/** A date as a document's date line: 'YYYY年M月D日' (Asia/Shanghai). */
export function chineseDate(at: number): string {
  const [y, m, d] = formatShanghaiMinute(at).slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** A document of one section, by the platform. */
export function wordDocument(docTitle: string, children: readonly (Paragraph | Table)[]): Document {
  return new Document({ creator: '为民红绳', title: docTitle, sections: [{ children: [...children] }] });
}

/** The .docx file, base64. */
export function wordBase64(document: Document): Promise<string> {
  return Packer.toBase64String(document);
}
