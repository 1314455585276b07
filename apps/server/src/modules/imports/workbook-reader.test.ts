import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../platform/exceljs.js';
import { readSheetRows } from './workbook-reader.js';

describe('reading a large workbook of Chinese text', () => {
  it('keeps every character whole, even where the bytes of one straddle two chunks', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aishang-xlsx-')), 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: false,
    });
    const sheet = writer.addWorksheet('房屋');
    // Mostly three-byte characters, so most chunk boundaries fall inside one.
    const note = '物业服务中心备注'.repeat(40);
    sheet.addRow(['房屋编号', '状态', '用途', '业主姓名', '备注']).commit();
    for (let n = 1; n <= 3000; n += 1)
      sheet.addRow([`${n}`, '已入住', '住宅', `业主${n}号`, note]).commit();
    await writer.commit();

    let rows = 0;
    const broken: number[] = [];
    for await (const row of readSheetRows(file)) {
      rows += 1;
      const { 状态: status, 用途: use, 业主姓名: owner, 备注: text } = row.values;
      const wanted = `业主${row.values['房屋编号']}号`;
      if (status !== '已入住' || use !== '住宅' || owner !== wanted || text !== note) {
        broken.push(row.line);
      }
    }

    expect(rows).toBe(3000);
    expect(broken).toEqual([]);
  });
});
