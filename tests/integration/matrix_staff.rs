//! Coordinators named by a Matrix room's power level (`matrix-room:<room>@<level>` among a
//! programme's coordinators), against a real Synapse: raising someone to the level makes
//! them a coordinator at once, and lowering it ends that at once.

use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::ruma::Int;

use tandem::app::{App, AppSettings, ManualClock};
use tandem::domain::staff::StaffGroup;
use tandem::platforms::adapter::{Bot as _, ports_of};

use crate::matrix::{
    Person, connected_bot, new_bot_account, staff_room, synapse_url, wait_for, wait_until_joined,
};
use crate::support::{example_programmes, start_time};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_matrix_power_level_makes_a_coordinator_and_lowering_it_ends_it_at_once() {
    let Some(url) = synapse_url() else { return };
    crate::support::init_logging();
    let bot_id = new_bot_account(&url).await;
    // Carol made the staff room (so she may change its levels); Dee is a member at 0.
    let carol = Person::new(&url, "carol").await;
    let dee = Person::new(&url, "dee").await;
    let room_id = staff_room(&carol, &bot_id, "Coordinators").await;
    let room = carol
        .client
        .get_room(&room_id)
        .expect("Carol is in her room");
    room.invite_user_by_id(&dee.id).await.unwrap();
    wait_until_joined(&room, &dee.id, "the staff room").await;

    let mut programmes = example_programmes();
    for p in &mut programmes {
        p.coordinators.clear();
    }
    programmes[0].coordinator_groups = vec![
        StaffGroup::parse(&format!("matrix-room:{room_id}@50"))
            .unwrap()
            .unwrap(),
    ];
    let store_dir = tempfile::tempdir().unwrap();
    let (bot, _db, store) = connected_bot(&url, &bot_id, &room_id, store_dir.path()).await;
    let app = App::new(
        store,
        programmes,
        ports_of(&bot),
        Arc::new(ManualClock::new(start_time())),
        AppSettings {
            coordinators_rooms: bot.coordinators_room().into_iter().collect(),
            ..AppSettings::default()
        },
    );
    let serving = tokio::spawn({
        let (bot, app) = (bot.clone(), app.clone());
        async move { bot.serve(app).await }
    });

    // The bot answers what is sent once it listens (what came before its first sync is
    // history): its joining Dee's new DM shows that it does.
    let _dm = dee.open_dm(&bot_id).await;
    let dee_room = dee.client.get_room(&room_id).expect("Dee joined");
    let mut answers = 0;
    let mut queue = async || {
        dee.say(&dee_room, "!tandem queue").await;
        answers += 1;
        let wanted = answers;
        let mut answer = String::new();
        wait_for("the bot's answer to queue", || {
            let said: Vec<String> = dee
                .received()
                .into_iter()
                .filter(|r| r.room == room_id && r.sender == bot_id)
                .map(|r| r.body)
                .filter(|b| b.contains("waiting for review") || b.contains("coordinators can"))
                .collect();
            if said.len() >= wanted {
                answer = said[wanted - 1].clone();
            }
            let done = said.len() >= wanted;
            async move { done }
        })
        .await;
        answer
    };
    let refused = queue().await;
    // What /healthz reads: the bot has synced lately.
    assert!(bot.synced_lately());
    assert!(
        refused.contains("only the programme's coordinators"),
        "{refused}"
    );

    room.update_power_levels(vec![(&dee.id, Int::from(50))])
        .await
        .unwrap();
    let answered = queue().await;
    assert_eq!(answered, "No applications are waiting for review.");

    room.update_power_levels(vec![(&dee.id, Int::from(0))])
        .await
        .unwrap();
    let refused = queue().await;
    assert!(
        refused.contains("only the programme's coordinators"),
        "{refused}"
    );

    bot.stop();
    let _ = tokio::time::timeout(Duration::from_secs(30), serving).await;
}
