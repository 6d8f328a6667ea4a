//! Evidence files: what is taken out of them before they are kept, and which are not kept.
//!
//! A photo carries more than its picture: EXIF can hold where it was taken, the camera's
//! owner and serial number, XMP and IPTC the author's name, PNG text chunks anything the
//! software wrote. For an anonymous reporter (often a young person) that could name them,
//! so pictures lose those parts before they are stored (the picture itself is untouched):
//! JPEG, PNG, WebP and GIF. Plain text is kept as it is, since it holds nothing but what it
//! shows. Every other kind (PDF, HEIC, video, office documents, anything unrecognised) can
//! carry the same details in ways Tandem cannot remove, so it is refused rather than kept
//! as sent. To take another kind, add a function here and a branch in
//! [`without_metadata`].

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

/// Why a file was not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotKept {
    /// A kind Tandem cleans (a picture, plain text), but this file does not parse as one:
    /// it may still carry what it should lose.
    Unreadable,
    /// A kind whose hidden details Tandem cannot remove (PDF, HEIC, video, documents,
    /// anything unrecognised).
    Unsupported,
}

/// The file without its identifying metadata, for the kinds Tandem can clean: JPEG, PNG,
/// WebP and GIF lose it, plain text has none. Any other kind is [`NotKept::Unsupported`];
/// a file of a cleaned kind that does not parse is [`NotKept::Unreadable`].
pub fn without_metadata(mime: &str, data: Vec<u8>) -> Result<Vec<u8>, NotKept> {
    let clean = match mime {
        "image/jpeg" => jpeg_without_metadata(&data),
        "image/png" => png_without_metadata(&data),
        "image/webp" => webp_without_metadata(&data),
        "image/gif" => gif_without_metadata(&data),
        // Only the declared type says it is text, so the bytes must show it too: a
        // document renamed `.txt` is not plain text.
        "text/plain" => return plain_text(data).ok_or(NotKept::Unsupported),
        _ => return Err(NotKept::Unsupported),
    };
    clean.ok_or(NotKept::Unreadable)
}

/// Text as typed: UTF-8 with no control characters but line breaks and tabs.
fn plain_text(data: Vec<u8>) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(&data).ok()?;
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .then_some(data)
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

/// VP8X flags saying the file has EXIF or XMP chunks: cleared with the chunks, so a reader
/// does not look for them.
const WEBP_EXIF_FLAG: u8 = 0x08;
const WEBP_XMP_FLAG: u8 = 0x04;

/// A WebP with only the chunks that draw it (and animate it): the extended header (its
/// EXIF and XMP flags cleared), colour profile, animation, frames, alpha and the
/// bitstream. EXIF, XMP and any unknown chunk (at the top or inside a frame) are left out,
/// and so is anything after the RIFF container's end.
fn webp_without_metadata(data: &[u8]) -> Option<Vec<u8>> {
    const KEPT: [&[u8; 4]; 7] = [
        b"VP8X", b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L",
    ];
    const IN_FRAME: [&[u8; 4]; 3] = [b"ALPH", b"VP8 ", b"VP8L"];
    if data.get(..4)? != b"RIFF" || data.get(8..12)? != b"WEBP" {
        return None;
    }
    let size = u32::from_le_bytes(data.get(4..8)?.try_into().ok()?) as usize;
    let body = data.get(12..size.checked_add(8)?)?;
    let chunks = riff_chunks(body)?;
    // The spec puts the header or the bitstream first; anything else is not a WebP we
    // understand, and a file without a picture is not one at all.
    let first = chunks.first()?.0;
    if ![b"VP8X", b"VP8 ", b"VP8L"].contains(&first)
        || !chunks
            .iter()
            .any(|(kind, _)| [b"VP8 ", b"VP8L", b"ANMF"].contains(kind))
    {
        return None;
    }
    let mut out_body = b"WEBP".to_vec();
    for (kind, payload) in chunks {
        if !KEPT.contains(&kind) {
            continue;
        }
        match kind {
            b"VP8X" => {
                let mut header = payload.to_vec();
                *header.first_mut()? &= !(WEBP_EXIF_FLAG | WEBP_XMP_FLAG);
                push_riff_chunk(&mut out_body, kind, &header);
            }
            b"ANMF" => {
                // A frame: its 16-byte position and timing, then chunks of its own.
                let mut frame = payload.get(..16)?.to_vec();
                for (inner, inner_payload) in riff_chunks(&payload[16..])? {
                    if IN_FRAME.contains(&inner) {
                        push_riff_chunk(&mut frame, inner, inner_payload);
                    }
                }
                push_riff_chunk(&mut out_body, kind, &frame);
            }
            _ => push_riff_chunk(&mut out_body, kind, payload),
        }
    }
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&u32::try_from(out_body.len()).ok()?.to_le_bytes());
    out.extend(out_body);
    Some(out)
}

/// The chunks of a RIFF body, as (kind, payload). `None` if one runs past the end; a
/// last chunk missing only its padding byte is accepted (some writers leave it out).
fn riff_chunks(body: &[u8]) -> Option<Vec<(&[u8; 4], &[u8])>> {
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let kind: &[u8; 4] = body.get(i..i + 4)?.try_into().ok()?;
        let len = u32::from_le_bytes(body.get(i + 4..i + 8)?.try_into().ok()?) as usize;
        let start = i + 8;
        let end = start.checked_add(len)?;
        chunks.push((kind, body.get(start..end)?));
        i = end + len % 2;
    }
    Some(chunks)
}

fn push_riff_chunk(out: &mut Vec<u8>, kind: &[u8; 4], payload: &[u8]) {
    out.extend_from_slice(kind);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(payload);
    if payload.len() % 2 == 1 {
        out.push(0);
    }
}

/// A GIF with only what draws it: the screen and colour tables, every frame, each frame's
/// timing and transparency (rewritten in their standard form, so nothing rides along),
/// and the NETSCAPE looping count. Comments, plain-text overlays, every other application
/// extension (XMP among them) and anything after the end of the file are left out.
fn gif_without_metadata(data: &[u8]) -> Option<Vec<u8>> {
    if data.get(..6)? != b"GIF87a" && data.get(..6)? != b"GIF89a" {
        return None;
    }
    let packed = *data.get(10)?;
    let mut i = 13 + colour_table_len(packed);
    let mut out = data.get(..i)?.to_vec();
    loop {
        match *data.get(i)? {
            // The trailer.
            0x3B => {
                out.push(0x3B);
                return Some(out);
            }
            // An image: its descriptor, local colour table, LZW code size and data.
            0x2C => {
                let packed = *data.get(i + 9)?;
                let data_start = i + 10 + colour_table_len(packed) + 1;
                let end = gif_sub_blocks_end(data, data_start)?;
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            0x21 => {
                let label = *data.get(i + 1)?;
                let end = gif_sub_blocks_end(data, i + 2)?;
                let blocks = &data[i + 2..end];
                match label {
                    // Graphic control: delay, disposal and transparency, in one block
                    // of four bytes.
                    0xF9 => {
                        if blocks.first() != Some(&4) {
                            return None;
                        }
                        out.extend_from_slice(&[0x21, 0xF9]);
                        out.extend_from_slice(&blocks[..5]);
                        out.push(0);
                    }
                    0xFF => {
                        if let Some(loops) = gif_loop_count(blocks) {
                            out.extend_from_slice(&[0x21, 0xFF, 11]);
                            out.extend_from_slice(b"NETSCAPE2.0");
                            out.extend_from_slice(&[3, 1]);
                            out.extend_from_slice(&loops);
                            out.push(0);
                        }
                    }
                    _ => {}
                }
                i = end;
            }
            _ => return None,
        }
    }
}

/// The size of the colour table a GIF screen or image descriptor's flags announce.
fn colour_table_len(packed: u8) -> usize {
    if packed & 0x80 == 0 {
        0
    } else {
        3 << ((packed & 0x07) + 1)
    }
}

/// Where a GIF's sequence of data sub-blocks starting at `i` ends (after its empty block).
fn gif_sub_blocks_end(data: &[u8], mut i: usize) -> Option<usize> {
    loop {
        let len = usize::from(*data.get(i)?);
        i += 1;
        if len == 0 {
            return Some(i);
        }
        i += len;
        data.get(..i)?;
    }
}

/// The loop count of a NETSCAPE (or ANIMEXTS) application extension's sub-blocks.
fn gif_loop_count(blocks: &[u8]) -> Option<[u8; 2]> {
    if blocks.first() != Some(&11) {
        return None;
    }
    let app = blocks.get(1..12)?;
    if app != b"NETSCAPE2.0" && app != b"ANIMEXTS1.0" {
        return None;
    }
    match blocks.get(12..16)? {
        [3, 1, lo, hi] => Some([*lo, *hi]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `data` as `mime` without its metadata, checked to keep none of `traces` (the owner's
    /// name, where it was taken).
    fn cleaned(mime: &str, data: Vec<u8>, traces: &[&str]) -> Vec<u8> {
        let clean = without_metadata(mime, data).unwrap();
        let text = String::from_utf8_lossy(&clean);
        for trace in traces {
            assert!(!text.contains(trace), "{text}");
        }
        clean
    }

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
        let clean = cleaned("image/jpeg", jpeg.clone(), &["Amina", "GPS"]);
        assert!(String::from_utf8_lossy(&clean).contains("JFIF"));
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
        let clean = cleaned("image/png", png, &["Amina", "GPS"]);
        let text = String::from_utf8_lossy(&clean);
        assert!(text.contains("IHDR") && text.contains("IDAT") && text.contains("IEND"));
    }

    #[test]
    fn a_picture_that_does_not_parse_is_unreadable_and_kinds_that_cannot_be_cleaned_are_refused() {
        assert_eq!(
            without_metadata("image/jpeg", b"\xFF\xD8\xFF\xE1 cut".to_vec()),
            Err(NotKept::Unreadable)
        );
        assert_eq!(
            without_metadata("image/png", PNG_SIGNATURE.to_vec()),
            Err(NotKept::Unreadable)
        );
        for (mime, data) in [
            ("application/pdf", &b"%PDF-1.7 /Author (Amina)"[..]),
            ("image/heic", b"\0\0\0\x18ftypheic GPS"),
            ("video/mp4", b"\0\0\0\x18ftypisom GPS"),
            (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                b"PK\x03\x04docProps/core.xml Amina",
            ),
            ("application/octet-stream", b"anything at all"),
        ] {
            assert_eq!(
                without_metadata(mime, data.to_vec()),
                Err(NotKept::Unsupported),
                "{mime}"
            );
        }
    }

    #[test]
    fn plain_text_is_kept_as_it_is_and_a_binary_file_sent_as_text_is_refused() {
        let chat = "Grace: what's your address?\r\nme: why?\n\tGrace: 🙂"
            .as_bytes()
            .to_vec();
        assert_eq!(without_metadata("text/plain", chat.clone()), Ok(chat));
        assert_eq!(
            without_metadata("text/plain", b"PK\x03\x04\0\0docProps".to_vec()),
            Err(NotKept::Unsupported)
        );
        assert_eq!(
            without_metadata("text/plain", vec![b'a', 0xFF, b'b']),
            Err(NotKept::Unsupported)
        );
    }

    fn riff_chunk(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut c = kind.to_vec();
        c.extend_from_slice(&(body.len() as u32).to_le_bytes());
        c.extend_from_slice(body);
        if body.len() % 2 == 1 {
            c.push(0);
        }
        c
    }

    fn webp(chunks: &[Vec<u8>]) -> Vec<u8> {
        let body: Vec<u8> = chunks.concat();
        let mut w = b"RIFF".to_vec();
        w.extend_from_slice(&(body.len() as u32 + 4).to_le_bytes());
        w.extend_from_slice(b"WEBP");
        w.extend(body);
        w
    }

    #[test]
    fn a_webp_loses_its_exif_and_xmp_and_their_flags_and_keeps_its_picture() {
        // Extended header: ICC, alpha, EXIF and XMP flags set; a 1×1 canvas.
        let header = [0x20 | 0x10 | 0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let sent = webp(&[
            riff_chunk(b"VP8X", &header),
            riff_chunk(b"ICCP", b"colours"),
            riff_chunk(b"ALPH", b"alpha"),
            riff_chunk(b"VP8 ", b"the-picture-itself"),
            riff_chunk(b"EXIF", b"GPS 51.5N owner Amina"),
            riff_chunk(b"XMP ", b"<dc:creator>Amina</dc:creator>"),
            riff_chunk(b"ZZZZ", b"a private chunk by Amina"),
        ]);
        let mut with_trailer = sent.clone();
        with_trailer.extend_from_slice(b"appended by Amina");
        let clean = cleaned("image/webp", with_trailer, &["Amina", "GPS"]);
        let expected = webp(&[
            riff_chunk(b"VP8X", &[0x20 | 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            riff_chunk(b"ICCP", b"colours"),
            riff_chunk(b"ALPH", b"alpha"),
            riff_chunk(b"VP8 ", b"the-picture-itself"),
        ]);
        assert_eq!(clean, expected, "flags cleared, RIFF size fixed");
        assert_eq!(
            without_metadata("image/webp", clean.clone()),
            Ok(clean),
            "a clean file stays as it is"
        );
    }

    #[test]
    fn an_animated_webp_keeps_its_frames_without_what_rides_inside_them() {
        let mut frame = vec![0; 16];
        frame.extend(riff_chunk(b"VP8L", b"frame one"));
        frame.extend(riff_chunk(b"EXIF", b"taken by Amina"));
        let sent = webp(&[
            riff_chunk(b"VP8X", &[0x02 | 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            riff_chunk(b"ANIM", &[0; 6]),
            riff_chunk(b"ANMF", &frame),
        ]);
        let clean = cleaned("image/webp", sent, &["Amina"]);
        let mut kept_frame = vec![0; 16];
        kept_frame.extend(riff_chunk(b"VP8L", b"frame one"));
        assert_eq!(
            clean,
            webp(&[
                riff_chunk(b"VP8X", &[0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
                riff_chunk(b"ANIM", &[0; 6]),
                riff_chunk(b"ANMF", &kept_frame),
            ])
        );
    }

    #[test]
    fn a_simple_webp_is_kept_and_a_webp_that_does_not_parse_is_unreadable() {
        // A last chunk of odd length without its padding byte, as some writers leave it.
        let mut simple = b"RIFF\x0F\0\0\0WEBPVP8L\x03\0\0\0abc".to_vec();
        let clean = without_metadata("image/webp", simple.clone()).unwrap();
        assert_eq!(clean, webp(&[riff_chunk(b"VP8L", b"abc")]));
        simple.truncate(simple.len() - 2);
        assert_eq!(
            without_metadata("image/webp", simple),
            Err(NotKept::Unreadable),
            "a chunk cut short"
        );
        assert_eq!(
            without_metadata("image/webp", webp(&[riff_chunk(b"EXIF", b"GPS")])),
            Err(NotKept::Unreadable),
            "no picture at all"
        );
        let mut longer = webp(&[riff_chunk(b"VP8 ", b"ab")]);
        longer[4] += 10;
        assert_eq!(
            without_metadata("image/webp", longer),
            Err(NotKept::Unreadable),
            "a RIFF size past the end"
        );
    }

    fn gif_extension(label: u8, blocks: &[&[u8]]) -> Vec<u8> {
        let mut e = vec![0x21, label];
        for b in blocks {
            e.push(b.len() as u8);
            e.extend_from_slice(b);
        }
        e.push(0);
        e
    }

    #[test]
    fn a_gif_loses_its_comments_and_application_data_and_keeps_its_frames_and_looping() {
        // Screen 1×1 with a global table of 2 colours.
        let mut gif = b"GIF89a\x01\0\x01\0\x80\0\0".to_vec();
        gif.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
        let looping = gif_extension(0xFF, &[b"NETSCAPE2.0", &[1, 0, 0]]);
        let timing = gif_extension(0xF9, &[&[4, 10, 0, 0]]);
        // An image: descriptor with a local table of 2 colours, LZW code size, data.
        let mut image = vec![0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0x80];
        image.extend_from_slice(&[1, 2, 3, 4, 5, 6, 2, 2, 0x4C, 0x01, 0]);
        gif.extend(&looping);
        gif.extend(gif_extension(0xFE, &[b"taken by Amina"]));
        gif.extend(gif_extension(0xFF, &[b"XMP DataXMP", b"<dc:creator>Amina"]));
        gif.extend(gif_extension(0x01, &[&[0; 12], b"Amina's text"]));
        gif.extend(&timing);
        gif.extend(&image);
        gif.push(0x3B);
        gif.extend_from_slice(b"appended by Amina");
        let clean = cleaned("image/gif", gif.clone(), &["Amina", "XMP"]);
        let mut expected = gif[..19].to_vec();
        expected.extend(&looping);
        expected.extend(&timing);
        expected.extend(&image);
        expected.push(0x3B);
        assert_eq!(clean, expected);
        let mut cut = expected.clone();
        cut.pop();
        assert_eq!(
            without_metadata("image/gif", cut),
            Err(NotKept::Unreadable),
            "no end"
        );
        let mut odd_timing = gif[..19].to_vec();
        odd_timing.extend(gif_extension(0xF9, &[&[4, 10, 0, 0, 9], b"Amina"]));
        odd_timing.push(0x3B);
        assert_eq!(
            without_metadata("image/gif", odd_timing),
            Err(NotKept::Unreadable),
            "timing in an unexpected form"
        );
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
        let clean = cleaned("image/jpeg", jpeg, &["Amina", "GPS"]);
        assert!(String::from_utf8_lossy(&clean).contains("ICC_PROFILE"));
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
