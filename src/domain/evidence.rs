//! Evidence files: what is taken out of them before they are kept.
//!
//! A photo carries more than its picture: EXIF can hold where it was taken, the camera's
//! owner and serial number, XMP and IPTC the author's name, PNG text chunks anything the
//! software wrote. For an anonymous reporter that could name them, so JPEG and PNG files
//! lose those parts before they are stored (the picture itself is untouched). Other kinds
//! (PDF, HEIC, video) are kept as sent: README says so. To clean another kind, add a
//! function here and a branch in [`without_metadata`].

/// The file without its identifying metadata, where the kind is known; a file that does
/// not parse as its kind is kept as it came (it is evidence, and the moderators may still
/// need it).
pub fn without_metadata(mime: &str, data: Vec<u8>) -> Vec<u8> {
    let cleaned = match mime.split(';').next().unwrap_or("").trim() {
        "image/jpeg" | "image/jpg" => jpeg_without_metadata(&data),
        "image/png" => png_without_metadata(&data),
        _ => None,
    };
    cleaned.unwrap_or(data)
}

/// A JPEG without APP1 (EXIF, XMP), APP13 (IPTC) and comment segments.
fn jpeg_without_metadata(data: &[u8]) -> Option<Vec<u8>> {
    if data.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut out = vec![0xFF, 0xD8];
    let mut i = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        if *data.get(i)? != 0xFF {
            return None;
        }
        while *data.get(i + 1)? == 0xFF {
            i += 1;
        }
        let marker = *data.get(i + 1)?;
        match marker {
            // End of image, or a marker without a length.
            0xD9 => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                return Some(out);
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                i += 2;
                continue;
            }
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*data.get(i + 2)?, *data.get(i + 3)?]));
        if len < 2 {
            return None;
        }
        let end = i + 2 + len;
        let segment = data.get(i..end)?;
        if marker == 0xDA {
            // Start of scan: the coded picture follows, to the end of the file.
            out.extend_from_slice(&data[i..]);
            return Some(out);
        }
        if !matches!(marker, 0xE1 | 0xED | 0xFE) {
            out.extend_from_slice(segment);
        }
        i = end;
    }
}

/// A PNG without its text, time and EXIF chunks.
fn png_without_metadata(data: &[u8]) -> Option<Vec<u8>> {
    const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    if data.get(..8)? != SIGNATURE {
        return None;
    }
    let mut out = SIGNATURE.to_vec();
    let mut i = 8;
    while i < data.len() {
        let len = u32::from_be_bytes(data.get(i..i + 4)?.try_into().ok()?) as usize;
        let kind = data.get(i + 4..i + 8)?;
        let end = i.checked_add(12)?.checked_add(len)?;
        let chunk = data.get(i..end)?;
        if !matches!(kind, b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf" | b"tIME") {
            out.extend_from_slice(chunk);
        }
        if kind == b"IEND" {
            return Some(out);
        }
        i = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(body);
        s
    }

    #[test]
    fn a_jpeg_loses_its_exif_xmp_and_comments_and_keeps_its_picture() {
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(segment(0xE0, b"JFIF\0\x01\x01"));
        jpeg.extend(segment(0xE1, b"Exif\0\0GPS 51.5N owner Amina"));
        jpeg.extend(segment(0xFE, b"taken by Amina"));
        jpeg.extend(segment(0xDB, &[0; 65]));
        jpeg.extend(segment(0xDA, &[1, 2, 3]));
        jpeg.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9]);
        let clean = without_metadata("image/jpeg", jpeg.clone());
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("Amina") && !text.contains("GPS"), "{text}");
        assert!(text.contains("JFIF"));
        assert!(clean.ends_with(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9]));
        assert_eq!(
            jpeg.len() - clean.len(),
            segment(0xE1, b"Exif\0\0GPS 51.5N owner Amina").len()
                + segment(0xFE, b"taken by Amina").len()
        );
    }

    fn chunk(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut c = (body.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    }

    #[test]
    fn a_png_loses_its_text_and_exif_chunks_and_keeps_the_rest() {
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"tEXt", b"Author\0Amina"));
        png.extend(chunk(b"eXIf", b"GPS"));
        png.extend(chunk(b"IDAT", &[7; 20]));
        png.extend(chunk(b"IEND", &[]));
        let clean = without_metadata("image/png", png);
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("Amina") && !text.contains("GPS"), "{text}");
        assert!(text.contains("IHDR") && text.contains("IDAT") && text.contains("IEND"));
    }

    #[test]
    fn a_file_that_does_not_parse_as_its_kind_is_kept_as_it_came() {
        let junk = b"not really a jpeg".to_vec();
        assert_eq!(without_metadata("image/jpeg", junk.clone()), junk);
        let pdf = b"%PDF-1.7 Author Amina".to_vec();
        assert_eq!(without_metadata("application/pdf", pdf.clone()), pdf);
    }
}
