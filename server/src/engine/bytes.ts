// Bytes before YAML: a file is read as strict UTF-8 within a size limit, and
// anything else (UTF-16, binary, a broken sequence) is reported, not parsed.
// A BOM is kept in the text (LineIndex gives it no column), so writing the
// text back keeps every byte the user had.

export const MAX_FILE_BYTES = 8 * 1024 * 1024;

type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; message: string; /** Byte offset of the trouble, when there is one place. */ byteOffset?: number };

export function decodeTdeBytes(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, message: oversizeMessage(bytes.length, maxBytes) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'the file is UTF-16 encoded; save it as UTF-8', byteOffset: 0 };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = nul <= 1 && bytes.length > 2 && (bytes[0] === 0 || bytes[1] === 0);
    return {
      ok: false,
      message: utf16 ? 'the file looks UTF-16 encoded; save it as UTF-8' : `the file holds binary data (a NUL byte at byte ${nul}); a TDE file is UTF-8 text`,
      byteOffset: nul,
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { ok: false, message: `the file is not valid UTF-8 (first bad byte at offset ${offset}); save it as UTF-8`, byteOffset: offset };
  }
}

/** Byte offset of the first sequence that is not well-formed UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { extra = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { extra = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { extra = 3; min = 0x10000; }
    else return i;
    let code = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += extra + 1;
  }
  return bytes.length;
}

/** Why a file of `size` bytes is not read, before a byte of it is. */
export function oversizeMessage(size: number, maxBytes = MAX_FILE_BYTES): string {
  return `the file is ${formatSize(size)}, over the ${formatSize(maxBytes)} a TDE file may be; split the project into iterations`;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
