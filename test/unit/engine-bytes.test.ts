import * as assert from 'node:assert/strict';
import { decodeTdeBytes, firstInvalidUtf8 } from '../../server/src/engine';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('engine: bytes before YAML', () => {
  it('decodes UTF-8 and keeps a BOM in the text', () => {
    const result = decodeTdeBytes(bytes([0xef, 0xbb, 0xbf], 'tde: 1\r\n'));
    assert.deepEqual(result, { ok: true, text: '\ufefftde: 1\r\n' });
  });

  it('reports the byte offset of the first invalid UTF-8 sequence', () => {
    const result = decodeTdeBytes(bytes('title: caf', [0xc3, 0x28], '\n'));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.byteOffset, 10);
    assert.match(!result.ok ? result.message : '', /not valid UTF-8 \(first bad byte at offset 10\)/);
  });

  it('rejects overlong encodings and surrogates', () => {
    assert.equal(firstInvalidUtf8(bytes('ab', [0xc0, 0xaf])), 2);
    assert.equal(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80])), 0);
    assert.equal(firstInvalidUtf8(bytes('ok ✓ ü 😀')), Buffer.byteLength('ok ✓ ü 😀'));
  });

  it('reports UTF-16 (with or without a BOM) and binary files', () => {
    assert.match((decodeTdeBytes(bytes([0xff, 0xfe], 't\0d\0e\0')) as { message: string }).message, /UTF-16/);
    assert.match((decodeTdeBytes(Buffer.from('tde: 1', 'utf16le')) as { message: string }).message, /UTF-16/);
    assert.match((decodeTdeBytes(bytes('tde: 1\n', [0x00, 0x01, 0x02])) as { message: string }).message, /binary data \(a NUL byte at byte 7\)/);
  });

  it('refuses a file over the size limit with a clear message', () => {
    const result = decodeTdeBytes(Buffer.alloc(2048, 0x61), 1024);
    assert.equal(result.ok, false);
    assert.match((result as { message: string }).message, /2 KB, over the 1 KB a TDE file may be/);
  });
});
