//! Evidence files: what is taken out of them before they are kept.
//!
//! A photo carries more than its picture: EXIF can hold where it was taken, the camera's
//! owner and serial number, XMP and IPTC the author's name, PNG text chunks anything the
//! software wrote. For an anonymous reporter that could name them, so JPEG and PNG files
//! lose those parts before they are stored (the picture itself is untouched). Other kinds
//! (PDF, HEIC, video) are kept as sent: README says so. To clean another kind, add a
//! function here and a branch in [`without_metadata`].

/// The file's media type: what its first bytes show for the kinds Tandem cleans or
/// recognises (so a photo sent as `application/octet-stream` is still cleaned), else the
/// declared type if it looks like one, else `application/octet-stream`. Moderators see
/// it on the case card, so nothing but a plain `type/subtype` gets through.
pub fn media_type(declared: Option<&str>, data: &[u8]) -> String {
    let sniffed = if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if data.starts_with(&PNG_SIGNATURE) {
        Some("image/png")
    } else if data.starts_with(b"GIF87a") || data.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if data.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if data.len() >= 12 && &data[..4] == b"RIFF" && &data[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    };
    if let Some(t) = sniffed {
        return t.into();
    }
    let declared = declared
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let plain = declared.len() <= 100
        && declared.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && declared
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/.+-_".contains(c))
        });
    if plain {
        declared
    } else {
        "application/octet-stream".into()
    }
}

/// The file without its identifying metadata, for the kinds Tandem can clean (JPEG, PNG);
/// other kinds come back as they are. `Err` for a JPEG or PNG that does not parse: it may
/// still carry what it should lose, so it is not kept.
#[allow(clippy::result_unit_err)]
pub fn without_metadata(mime: &str, data: Vec<u8>) -> Result<Vec<u8>, ()> {
    match mime {
        "image/jpeg" => jpeg_without_metadata(&data).ok_or(()),
        "image/png" => png_without_metadata(&data).ok_or(()),
        _ => Ok(data),
    }
}

/// A JPEG with only what draws the picture: the frame, tables and scans, plus JFIF
/// (APP0), a colour profile (APP2 `ICC_PROFILE`) and Adobe's colour flag (APP14). Every
/// other application segment (EXIF and XMP in APP1, multi-picture data, IPTC, content
/// credentials), comments, and anything after the end of the image (phones append depth
/// maps and motion clips there) is left out.
fn jpeg_without_metadata(data: &[u8]) -> Option<Vec<u8>> {
    if data.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut out = vec![0xFF, 0xD8];
    let mut i = 2;
    loop {
        if *data.get(i)? != 0xFF {
            return None;
        }
        // Markers may be padded with extra 0xFF bytes.
        while *data.get(i + 1)? == 0xFF {
            i += 1;
        }
        let marker = *data.get(i + 1)?;
        match marker {
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
        let body = &segment[4..];
        let keep = match marker {
            0xE0 => true,
            0xE2 => body.starts_with(b"ICC_PROFILE\0"),
            0xEE => body.starts_with(b"Adobe"),
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
            _ => true,
        };
        if keep {
            out.extend_from_slice(segment);
        }
        i = end;
        if marker == 0xDA {
            // The coded scan: up to the next marker that is not a stuffed 0xFF or a
            // restart (progressive pictures have several scans, with tables between).
            let start = i;
            loop {
                if *data.get(i)? == 0xFF {
                    let next = *data.get(i + 1)?;
                    if next == 0x00 || (0xD0..=0xD7).contains(&next) {
                        i += 2;
                        continue;
                    }
                    if next != 0xFF {
                        break;
                    }
                }
                i += 1;
            }
            out.extend_from_slice(&data[start..i]);
        }
    }
}

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// A PNG with only the chunks that draw it (and animate it): text, EXIF, time and any
/// private chunk are left out, and so is anything after its end.
fn png_without_metadata(data: &[u8]) -> Option<Vec<u8>> {
    const KEPT: [&[u8; 4]; 17] = [
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
        b"bKGD", b"hIST", b"pHYs", b"sPLT", b"acTL", b"fcTL", b"fdAT",
    ];
    if data.get(..8)? != PNG_SIGNATURE {
        return None;
    }
    let mut out = PNG_SIGNATURE.to_vec();
    let mut i = 8;
    while i < data.len() {
        let len = u32::from_be_bytes(data.get(i..i + 4)?.try_into().ok()?) as usize;
        let kind = data.get(i + 4..i + 8)?;
        let end = i.checked_add(12)?.checked_add(len)?;
        let chunk = data.get(i..end)?;
        if KEPT.iter().any(|k| k.as_slice() == kind) {
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
        let clean = without_metadata("image/jpeg", jpeg.clone()).unwrap();
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
        png.extend(b"trailing bytes by Amina");
        let clean = without_metadata("image/png", png).unwrap();
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("Amina") && !text.contains("GPS"), "{text}");
        assert!(text.contains("IHDR") && text.contains("IDAT") && text.contains("IEND"));
    }

    #[test]
    fn a_picture_that_does_not_parse_is_refused_and_other_kinds_are_kept_as_they_came() {
        assert_eq!(
            without_metadata("image/jpeg", b"\xFF\xD8\xFF\xE1 cut".to_vec()),
            Err(())
        );
        assert_eq!(
            without_metadata("image/png", PNG_SIGNATURE.to_vec()),
            Err(())
        );
        let pdf = b"%PDF-1.7 Author Amina".to_vec();
        assert_eq!(without_metadata("application/pdf", pdf.clone()), Ok(pdf));
    }

    #[test]
    fn a_jpeg_keeps_only_its_picture_across_scans_and_nothing_after_its_end() {
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(segment(0xE2, b"MPF\0multi-picture by Amina"));
        jpeg.extend(segment(0xE2, b"ICC_PROFILE\0colours"));
        jpeg.extend(segment(0xEB, b"JUMBcontent credentials: Amina"));
        jpeg.extend(segment(0xDA, &[1]));
        jpeg.extend_from_slice(&[0x10, 0xFF, 0x00, 0xFF, 0xD0, 0x11]);
        jpeg.extend(segment(0xE1, b"Exif between the scans: Amina"));
        jpeg.extend(segment(0xC4, &[9, 9]));
        jpeg.extend(segment(0xDA, &[2]));
        jpeg.extend_from_slice(&[0x12, 0xFF, 0xD9]);
        jpeg.extend_from_slice(b"appended motion clip, GPS, Amina");
        let clean = without_metadata("image/jpeg", jpeg).unwrap();
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("Amina") && !text.contains("GPS"), "{text}");
        assert!(text.contains("ICC_PROFILE"));
        assert!(clean.ends_with(&[0x12, 0xFF, 0xD9]));
        assert!(
            clean
                .windows(6)
                .any(|w| w == [0x10, 0xFF, 0x00, 0xFF, 0xD0, 0x11])
        );
        assert!(
            clean.windows(4).any(|w| w == [0xFF, 0xC4, 0, 4]),
            "tables between scans"
        );
    }

    #[test]
    fn the_media_type_is_read_from_the_file_and_a_declared_one_must_be_plain() {
        assert_eq!(
            media_type(Some("application/octet-stream"), b"\xFF\xD8\xFF\xE0"),
            "image/jpeg"
        );
        assert_eq!(media_type(None, &PNG_SIGNATURE), "image/png");
        assert_eq!(
            media_type(Some("Text/Plain; charset=utf-8"), b"hi"),
            "text/plain"
        );
        assert_eq!(
            media_type(Some("text/plain\nCase #9 · resolved"), b"hi"),
            "application/octet-stream"
        );
        assert_eq!(media_type(None, b"hi"), "application/octet-stream");
    }
}
