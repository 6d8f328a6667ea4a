//! Pair rooms join the community's Space (`[matrix] space`), against a real Synapse: the
//! Space lists the new room as a child, and the room names the Space as its parent.

use matrix_sdk::ruma::OwnedRoomId;
use matrix_sdk::ruma::api::client::room::create_room::v3::{
    Request as CreateRoomRequest, RoomPreset,
};
use matrix_sdk::ruma::api::client::state::get_state_event_for_key::v3::Request as StateRequest;
use matrix_sdk::ruma::events::StateEventType;
use matrix_sdk::ruma::serde::Raw;

use tandem::platforms::matrix::MatrixBot;
use tandem::ports::{IdempotencyKey, PrivateRoomSpec, RoomProvisioner};

use crate::matrix::{
    Person, bot_settings, new_bot_account, staff_room, synapse_url, test_options, wait_for,
    wait_until_joined,
};

/// Whether `state_key`'s state event of `kind` is in `room`, as `who`'s server says.
async fn has_state(
    who: &Person,
    room: &OwnedRoomId,
    kind: StateEventType,
    state_key: &str,
) -> bool {
    who.client
        .send(StateRequest::new(room.clone(), kind, state_key.to_string()))
        .await
        .is_ok()
}

/// The bot's account, Carol (a coordinator, in the coordinators' room with the bot), and
/// a pair to make rooms for.
struct Cast {
    bot_id: matrix_sdk::ruma::OwnedUserId,
    carol: Person,
    amina: Person,
    grace: Person,
    coordinators: OwnedRoomId,
}

impl Cast {
    async fn new(url: &str) -> Cast {
        crate::support::init_logging();
        let bot_id = new_bot_account(url).await;
        let carol = Person::new(url, "carol").await;
        let amina = Person::new(url, "amina").await;
        let grace = Person::new(url, "grace").await;
        let coordinators = staff_room(&carol, &bot_id, "Coordinators").await;
        Cast {
            bot_id,
            carol,
            amina,
            grace,
            coordinators,
        }
    }
}

/// A Space `who` makes, where the bot (invited) may add rooms; with `alias` as its local
/// alias, if given.
async fn new_space(
    who: &Person,
    bot_id: &matrix_sdk::ruma::OwnedUserId,
    name: &str,
    alias: Option<&str>,
) -> OwnedRoomId {
    let mut request = CreateRoomRequest::new();
    request.name = Some(name.into());
    request.room_alias_name = alias.map(str::to_string);
    request.preset = Some(RoomPreset::PrivateChat);
    request.invite = vec![bot_id.clone()];
    request.creation_content = Some(Raw::from_json_string(r#"{"type":"m.space"}"#.into()).unwrap());
    request.power_level_content_override =
        Some(Raw::from_json_string(format!(r#"{{"users":{{"{bot_id}":100}}}}"#)).unwrap());
    who.client
        .create_room(request)
        .await
        .expect("the Space is made")
        .room_id()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_pair_room_is_added_to_the_communitys_space() {
    let Some(url) = synapse_url() else { return };
    let Cast {
        bot_id,
        carol,
        amina,
        grace,
        coordinators,
    } = Cast::new(&url).await;
    // Carol's community Space, where the bot may add rooms.
    let space = new_space(&carol, &bot_id, "Pathways", None).await;

    let mut settings = bot_settings(&url, bot_id.as_str(), &coordinators);
    settings.space = Some(space.to_string());
    let store_dir = tempfile::tempdir().unwrap();
    let bot = MatrixBot::connect(test_options(settings, store_dir.path()))
        .await
        .expect("the bot connects and joins the Space");
    let spec = PrivateRoomSpec {
        name: "Amina & Grace".into(),
        topic: "Pathways pair room".into(),
        members: vec![amina.user(), grace.user()],
        home: None,
    };
    let room = bot
        .create_private_room(&spec, &IdempotencyKey("space-test".into()))
        .await
        .expect("the pair room is made");
    let room: OwnedRoomId = room.id.parse().unwrap();

    assert!(
        has_state(&carol, &space, StateEventType::SpaceChild, room.as_str()).await,
        "the Space lists the pair room"
    );
    wait_for("Amina's invitation to the pair room", || {
        let invited = amina.client.get_room(&room).is_some();
        async move { invited }
    })
    .await;
    let in_room = amina.client.get_room(&room).unwrap();
    wait_until_joined(&in_room, &amina.id, "the pair room").await;
    assert!(
        has_state(&amina, &room, StateEventType::SpaceParent, space.as_str()).await,
        "the pair room names the Space as its parent"
    );
    bot.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_programmes_own_space_named_by_alias_takes_its_pair_rooms_instead_of_the_communitys() {
    use tandem::platforms::adapter::Connection;
    use tandem::ports::RoomHome;
    let Some(url) = synapse_url() else { return };
    let Cast {
        bot_id,
        carol,
        amina,
        grace,
        coordinators,
    } = Cast::new(&url).await;
    let community = new_space(&carol, &bot_id, "Community", None).await;
    let alias = format!("youth-{}", bot_id.localpart());
    let youth = new_space(&carol, &bot_id, "Youth", Some(&alias)).await;
    let mut settings = bot_settings(&url, bot_id.as_str(), &coordinators);
    settings.space = Some(community.to_string());
    let store_dir = tempfile::tempdir().unwrap();
    let bot = MatrixBot::connect(test_options(settings, store_dir.path()))
        .await
        .expect("the bot connects");
    // As `tandem run` resolves a programme's `[rooms.matrix] pairs`: by alias, joined.
    let server = bot_id.server_name();
    let resolved = bot
        .programme_room(&format!("#{alias}:{server}"))
        .await
        .expect("the programme's Space is found and joined");
    assert_eq!(resolved.id, youth.as_str());
    let spec = PrivateRoomSpec {
        name: "Amina & Grace".into(),
        topic: "Youth pair room".into(),
        members: vec![amina.user(), grace.user()],
        home: Some(RoomHome {
            parent: Some(resolved),
            category: None,
        }),
    };
    let room = bot
        .create_private_room(&spec, &IdempotencyKey("programme-space-test".into()))
        .await
        .expect("the pair room is made");
    let room: OwnedRoomId = room.id.parse().unwrap();
    assert!(
        has_state(&carol, &youth, StateEventType::SpaceChild, room.as_str()).await,
        "the programme's Space lists the pair room"
    );
    assert!(
        !has_state(
            &carol,
            &community,
            StateEventType::SpaceChild,
            room.as_str()
        )
        .await,
        "the community's Space does not"
    );
    // A programme room that does not exist is refused with its name, not waited for.
    let missing = bot
        .programme_room(&format!("#no-such-room:{server}"))
        .await
        .unwrap_err();
    assert!(
        format!("{missing:#}").contains("#no-such-room"),
        "{missing:#}"
    );
    bot.stop();
}
