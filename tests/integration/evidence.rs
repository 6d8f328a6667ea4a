//! Files as a report's evidence, on both backends: kept sealed while the report is
//! written, moved to the case (and away from the reporter) when it is sent, dropped when
//! it is discarded, and shown only to moderators who ask, under neutral names.

use crate::support::{Harness, room_message, transcript, user};
use tandem::flows::FlowState;
use tandem::platforms::recording::Target;

const MODS: &str = "moderators";

/// A PNG's structure (signature, header, a text chunk naming its author, data, end):
/// enough for Tandem's metadata cleaning, which does not decode the picture.
pub(crate) fn png_by(author: &str) -> Vec<u8> {
    let chunk = |kind: &[u8], body: &[u8]| {
        let mut c = (body.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    };
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    png.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
    png.extend(chunk(b"tEXt", format!("Author\0{author}").as_bytes()));
    png.extend(chunk(b"IDAT", b"the-picture-itself"));
    png.extend(chunk(b"IEND", b""));
    png
}

/// A WebP photo as a phone writes it: an extended header announcing EXIF and XMP, the
/// picture, then both metadata chunks, saying where it was taken and by `author`.
fn webp_by(author: &str) -> Vec<u8> {
    let chunk = |kind: &[u8], body: &[u8]| {
        let mut c = kind.to_vec();
        c.extend_from_slice(&(body.len() as u32).to_le_bytes());
        c.extend_from_slice(body);
        if body.len() % 2 == 1 {
            c.push(0);
        }
        c
    };
    let mut body = b"WEBP".to_vec();
    body.extend(chunk(b"VP8X", &[0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    body.extend(chunk(b"VP8 ", b"the-picture-itself"));
    body.extend(chunk(
        b"EXIF",
        format!("GPS 51.5N 0.1W, camera owner {author}").as_bytes(),
    ));
    body.extend(chunk(
        b"XMP ",
        format!("<dc:creator>{author}</dc:creator>").as_bytes(),
    ));
    let mut webp = b"RIFF".to_vec();
    webp.extend_from_slice(&(body.len() as u32).to_le_bytes());
    webp.extend(body);
    webp
}

const REFUSED: &str = "files of that kind can carry hidden details such as where and by whom they were made, and I can't remove them. A screenshot (PNG or JPEG) of it works.";

/// Amina's harassment report up to the evidence step.
async fn to_evidence(h: &Harness) {
    for line in [
        "report",
        "1",
        "Tom",
        "no",
        "He sent me messages at 2am calling me names after our session.",
    ] {
        h.dm_all("amina", line).await;
    }
}

/// Every value stored in every table, and its bytes as hex, lower case.
async fn everything_stored(h: &Harness) -> String {
    let mut all = String::new();
    for (table, rows) in h.store.dump_tables().await.unwrap() {
        for row in rows {
            all.push_str(&format!("{table}: {row}\n"));
        }
    }
    all.to_lowercase()
}

/// Every table but the outbox (whose rows are the replies just delivered).
async fn stored_state(h: &Harness) -> Vec<(String, Vec<String>)> {
    let mut tables = h.store.dump_tables().await.unwrap();
    tables.retain(|(table, _)| table != "outbox");
    tables
}

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

both_backends! {
    async fn evidence_files_are_sealed_cleaned_and_shown_only_to_moderators_who_open_them(db: TestDb) {
        let h = Harness::new(&db).await;
        let shot = png_by("amina");
        h.rec.serve_file("cdn/1", &shot);
        to_evidence(&h).await;
        let out = h
            .dm_files("amina", "his messages", &[("amina-phone.png", "cdn/1", Some(shot.len() as u64))])
            .await;
        assert!(out.contains("[dm amina] Kept: amina-phone.png ("), "{out}");
        assert!(out.contains("So far: amina-phone.png"), "{out}");
        // Too large by what the platform says: not fetched, nothing changes.
        let before = h.store.load_conversation::<FlowState>(&user("amina")).await.unwrap().unwrap();
        let out = h
            .dm_files("amina", "", &[("video.png", "cdn/2", Some(5 * 1024 * 1024))])
            .await;
        assert!(out.contains("“video.png” is too large (5 MB): files can be up to 64 KB. It was not kept."), "{out}");
        let out = h.dm_files("amina", "", &[("gone.png", "cdn/expired", None)]).await;
        assert!(out.contains("I couldn't fetch “gone.png”. Please send it again."), "{out}");
        let after = h.store.load_conversation(&user("amina")).await.unwrap().unwrap();
        assert_eq!(before.state, after.state, "refused files change nothing");
        assert_eq!(h.store.held_files(&user("amina")).await.unwrap().len(), 1);
        for line in ["done", "no", "yes"] {
            h.dm_all("amina", line).await;
        }
        let out = h.dm_all("amina", "yes").await;
        assert!(out.contains("Your report is case #1."), "{out}");
        assert!(out.contains("Evidence: his messages"), "the caption is the evidence text: {out}");
        assert!(out.contains("Files: 1 (image/png, 75 bytes); to open them: !tandem case evidence 1"), "cleaned, so smaller than sent: {out}");
        assert!(h.store.held_files(&user("amina")).await.unwrap().is_empty(), "moved to the case");

        // Only moderators open it, and it comes under a neutral name, cleaned.
        let out = h.in_room("bob", MODS, "!tandem case evidence 1").await;
        assert!(out.contains("Sorry bob, only moderators can do that."), "{out}");
        h.rec.take();
        h.app.receive(room_message("mo", MODS, "!tandem case evidence 1")).await;
        let sent = h.rec.take();
        let files: Vec<_> = sent
            .iter()
            .filter_map(|s| s.message.attachment.as_ref().map(|a| (&s.target, &s.message.text, a)))
            .collect();
        assert_eq!(files.len(), 1, "{}", transcript(&sent));
        let (target, text, file) = files[0];
        assert!(matches!(target, Target::Room(r) if r.id == MODS));
        assert!(text.starts_with("Case #1 · file 1 of 1 · image/png"), "{text}");
        assert_eq!(file.name, "case-1-file-1.png");
        let shown = String::from_utf8_lossy(&file.data);
        assert!(shown.contains("the-picture-itself"), "the picture is kept");
        assert!(!shown.contains("amina") && !shown.contains("Author"), "its text chunk is not: {shown}");
        let log = h.in_room("max", MODS, "!tandem case log 1").await;
        assert!(log.contains("console:mo · opened the evidence: 1 file(s)"), "{log}");
        assert!(log.contains("console:bob · refused: not a moderator"), "{log}");

        // At rest: no name, no picture, no author, no link to her.
        let stored = everything_stored(&h).await;
        for needle in ["amina", "the-picture-itself"] {
            assert!(!stored.contains(needle) && !stored.contains(&hex(needle)), "{needle} is stored in the clear:\n{stored}");
        }
    }

    async fn a_pdf_or_heic_photo_sent_as_evidence_is_refused_with_the_reason_and_nothing_is_stored(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.serve_file("cdn/pdf", b"%PDF-1.7\n/Author (amina) /Producer (amina's phone)");
        h.rec.serve_file("cdn/heic", b"\0\0\0\x18ftypheic GPS 51.5N amina");
        to_evidence(&h).await;
        let before = stored_state(&h).await;
        let out = h
            .dm_files(
                "amina",
                "",
                &[
                    ("scan.pdf", "cdn/pdf", None),
                    ("IMG_0001.heic", "cdn/heic", None),
                    // Named like a picture, but its bytes are a PDF's: refused all the same.
                    ("looks-like.png", "cdn/pdf", None),
                ],
            )
            .await;
        for name in ["scan.pdf", "IMG_0001.heic", "looks-like.png"] {
            assert!(out.contains(&format!("[dm amina] I can't keep “{name}”: {REFUSED}")), "{name}: {out}");
        }
        assert!(!out.contains("Kept:"), "{out}");
        assert!(out.contains("Type skip if not."), "the evidence question is asked again: {out}");
        assert_eq!(stored_state(&h).await, before, "nothing is stored");
        assert!(h.store.held_files(&user("amina")).await.unwrap().is_empty());
        // The report goes on without them.
        for line in ["skip", "no", "yes"] {
            h.dm_all("amina", line).await;
        }
        let out = h.dm_all("amina", "yes").await;
        assert!(out.contains("Your report is case #1."), "{out}");
        assert!(!out.contains("Files:"), "{out}");
        let stored = everything_stored(&h).await;
        assert!(!stored.contains("evidence_files:"), "no file rows:\n{stored}");
    }

    async fn a_webp_photo_is_kept_without_its_exif_and_xmp(db: TestDb) {
        let h = Harness::new(&db).await;
        let photo = webp_by("amina");
        h.rec.serve_file("cdn/1", &photo);
        to_evidence(&h).await;
        let out = h.dm_files("amina", "", &[("photo.webp", "cdn/1", None)]).await;
        assert!(out.contains("[dm amina] Kept: photo.webp ("), "{out}");
        for line in ["done", "no", "yes"] {
            h.dm_all("amina", line).await;
        }
        let out = h.dm_all("amina", "yes").await;
        assert!(out.contains("Files: 1 (image/webp, 56 bytes)"), "cleaned, so smaller than sent: {out}");
        h.rec.take();
        h.app.receive(room_message("mo", MODS, "!tandem case evidence 1")).await;
        let sent = h.rec.take();
        let file = sent
            .iter()
            .find_map(|s| s.message.attachment.as_ref())
            .expect("the file");
        assert_eq!(file.name, "case-1-file-1.webp");
        let shown = String::from_utf8_lossy(&file.data);
        assert!(shown.contains("the-picture-itself"), "the picture is kept: {shown}");
        for gone in ["amina", "GPS", "EXIF", "XMP"] {
            assert!(!shown.contains(gone), "{gone} is still in it: {shown}");
        }
        assert_eq!(&file.data[..4], b"RIFF");
        assert_eq!(
            u32::from_le_bytes(file.data[4..8].try_into().unwrap()) as usize,
            file.data.len() - 8,
            "the container's size is the new one"
        );
        assert_eq!(file.data[20], 0, "the header no longer announces EXIF or XMP");
        let stored = everything_stored(&h).await;
        assert!(!stored.contains("amina") && !stored.contains(&hex("amina")), "{stored}");
    }

    async fn a_pdf_sent_in_answer_to_a_moderators_question_is_refused_and_the_question_stays_open(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.serve_file("cdn/pdf", b"%PDF-1.4 /Author (amina)");
        h.rec.serve_file("cdn/png", &png_by("amina"));
        to_evidence(&h).await;
        for line in ["skip", "no", "yes", "yes"] {
            h.dm_all("amina", line).await;
        }
        h.in_room("mo", MODS, "!tandem case ask 1 Do you have a screenshot?").await;
        let before = stored_state(&h).await;
        let out = h.dm_files("amina", "here", &[("chat.pdf", "cdn/pdf", None)]).await;
        assert!(out.contains(&format!("[dm amina] I can't keep “chat.pdf”: {REFUSED}")), "{out}");
        assert!(
            out.contains("You can answer in words, or send the files again. The question was: “Do you have a screenshot?”"),
            "{out}"
        );
        assert!(!out.contains("[room moderators]"), "nothing reaches the moderators: {out}");
        assert_eq!(stored_state(&h).await, before, "nothing is stored");
        // A screenshot answers it.
        let out = h.dm_files("amina", "", &[("chat.png", "cdn/png", None)]).await;
        assert!(out.contains("1 file added to the evidence"), "{out}");
        let card = h.in_room("mo", MODS, "!tandem case show 1").await;
        assert!(card.contains("Files: 1 (image/png"), "{card}");
    }

    async fn a_discarded_report_drops_its_files_and_files_elsewhere_are_not_kept(db: TestDb) {
        let h = Harness::new(&db).await;
        for n in 1..=4 {
            h.rec.serve_file(&format!("cdn/{n}"), &png_by("someone"));
        }
        let out = h.dm_files("amina", "", &[("a.png", "cdn/1", None)]).await;
        assert!(out.contains("I only keep files sent as evidence in a report (type report to start one)"), "{out}");
        let out = h.dm_files("amina", "status", &[("a.png", "cdn/1", None)]).await;
        assert!(out.contains("I only keep files") && out.contains("You have no applications yet"), "the caption is answered: {out}");
        let mut in_room = room_message("amina", "room-7", "look at this");
        in_room.files = vec![png_file("a.png", "cdn/1")];
        let out = h.send(in_room).await;
        assert_eq!(out, "", "a file in a room is none of the bot's business");
        h.dm_all("amina", "report").await;
        let out = h.dm_files("amina", "", &[("a.png", "cdn/1", None)]).await;
        assert!(out.contains("I'll ask for screenshots and files at the evidence step"), "{out}");
        assert!(out.contains("What would you like to report?"), "and asks again: {out}");
        assert!(h.store.held_files(&user("amina")).await.unwrap().is_empty());
        for line in ["1", "Tom", "no", "He sent me messages at 2am calling me names after our session."] {
            h.dm_all("amina", line).await;
        }
        let out = h
            .dm_files(
                "amina",
                "",
                &[("1.png", "cdn/1", None), ("2.png", "cdn/2", None), ("3.png", "cdn/3", None), ("4.png", "cdn/4", None)],
            )
            .await;
        assert!(out.contains("Kept: 1.png"), "{out}");
        assert!(out.contains("I take up to 3 files, so I didn't keep “4.png”."), "{out}");
        assert_eq!(h.store.held_files(&user("amina")).await.unwrap().len(), 3);
        let out = h.dm_files("amina", "", &[("1.png", "cdn/1", None)]).await;
        assert!(out.contains("I take up to 3 files, so I didn't keep “1.png”."), "a full report takes no more: {out}");
        assert_eq!(h.store.held_files(&user("amina")).await.unwrap().len(), 3);
        let out = h.dm_all("amina", "cancel").await;
        assert!(out.contains("Your report was discarded; nothing was sent."), "{out}");
        assert!(h.store.held_files(&user("amina")).await.unwrap().is_empty(), "dropped with the report");
        let stored = everything_stored(&h).await;
        assert!(!stored.contains("evidence_files:"), "no file rows left:\n{stored}");
    }

    async fn the_files_of_a_case_that_names_a_moderator_go_only_to_the_escalation_contact_by_dm(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.serve_file("cdn/1", &png_by("lee"));
        for line in ["report", "1", "max", "no", "He mocked me in the moderators' voice chat."] {
            h.dm_all("lee", line).await;
        }
        h.dm_files("lee", "", &[("shot.png", "cdn/1", None)]).await;
        for line in ["done", "no", "yes", "yes"] {
            h.dm_all("lee", line).await;
        }
        h.rec.take();
        h.app.receive(room_message("mo", MODS, "!tandem case evidence 1")).await;
        let sent = h.rec.take();
        assert!(sent.iter().all(|s| s.message.attachment.is_none()), "no file in the room max sits in");
        assert!(transcript(&sent).contains("Case #1 is restricted"), "{}", transcript(&sent));
        h.app.receive(crate::support::dm("lead", "case evidence 1")).await;
        let sent = h.rec.take();
        let file = sent.iter().find(|s| s.message.attachment.is_some()).expect("the file");
        assert_eq!(file.target, Target::Dm(user("lead")));
    }

    async fn a_reporter_answers_a_moderators_question_with_a_file(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.serve_file("cdn/9", &png_by("amina"));
        to_evidence(&h).await;
        for line in ["skip", "no", "yes", "yes"] {
            h.dm_all("amina", line).await;
        }
        h.in_room("mo", MODS, "!tandem case ask 1 Do you have a screenshot?").await;
        let out = h.dm_files("amina", "here", &[("amina-shot.png", "cdn/9", None)]).await;
        assert!(out.contains("[room moderators] Reply from the reporter of case #1:\nQ: Do you have a screenshot?\nA: here\n1 file added to the evidence: !tandem case evidence 1"), "{out}");
        assert!(out.contains("[dm amina] Thank you; I've passed your answer and files to the moderation team."), "{out}");
        assert!(!out.contains("amina-shot"), "the file's name stays with her: {out}");
        let card = h.in_room("mo", MODS, "!tandem case show 1").await;
        assert!(card.contains("Files: 1 (image/png"), "{card}");
        let log = h.in_room("mo", MODS, "!tandem case log 1").await;
        assert!(log.contains("reporter · answered: here (and 1 file(s))"), "{log}");
    }

    async fn my_data_lists_held_files_and_deleting_my_data_drops_them(db: TestDb) {
        let h = Harness::new(&db).await;
        // A file held for a report that never got its step recorded (a crash between
        // fetching the file and recording the step).
        h.store
            .hold_file(&user("amina"), "second.png", "image/png", b"picture", h.app.now())
            .await
            .unwrap();
        h.rec.take();
        h.app.receive(crate::support::dm("amina", "my data")).await;
        let sent = h.rec.take();
        let export = sent
            .iter()
            .find_map(|s| s.message.attachment.as_ref())
            .expect("the data file");
        let json = String::from_utf8_lossy(&export.data);
        assert!(json.contains("second.png"), "{json}");
        h.dm_all("amina", "delete my data").await;
        h.dm_all("amina", "yes").await;
        assert!(h.store.held_files(&user("amina")).await.unwrap().is_empty());
        let stale = h.store.drop_stale_held_files(h.app.now()).await.unwrap();
        assert_eq!(stale, 0, "nothing left to sweep");
    }

    async fn held_files_of_a_report_left_unsent_are_deleted_after_two_weeks(db: TestDb) {
        let h = Harness::new(&db).await;
        h.rec.serve_file("cdn/1", &png_by("amina"));
        to_evidence(&h).await;
        h.dm_files("amina", "", &[("a.png", "cdn/1", None)]).await;
        h.clock.advance(chrono::Duration::days(13));
        h.sweep().await;
        assert_eq!(h.store.held_files(&user("amina")).await.unwrap().len(), 1);
        h.clock.advance(chrono::Duration::days(2));
        h.sweep().await;
        assert!(h.store.held_files(&user("amina")).await.unwrap().is_empty());
    }
}

fn png_file(name: &str, source: &str) -> tandem::flows::InboundFile {
    tandem::flows::InboundFile {
        name: name.into(),
        mime: Some("image/png".into()),
        size: None,
        source: source.into(),
        status: tandem::flows::FileStatus::Received,
    }
}
