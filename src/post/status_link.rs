//! Status links and the ids in them: which post a URL names, on which network, and when an id
//! says it was created.
//!
//! ```text
//! https://twitter.com/RiverReport/status/1211976404581683200?ref_src=twsrc%5Etfw
//! https://mobile.twitter.com/RiverReport/statuses/1211976404581683200   https://x.com/i/web/status/1211976404581683200
//! https://twitter.com/#!/RiverReport/status/150011447445229569          (2011 hash-bang links)
//! https://www.instagram.com/p/B6tqG1xAbCd/?utm_source=ig_embed      https://www.instagram.com/reel/C1a2b3c4d5E/
//! at://did:plc:abc/app.bsky.feed.post/3lbqwe2x7ks2c                 https://bsky.app/profile/jane.bsky.social/post/3lbqwe2x7ks2c
//! https://mastodon.social/@jane/109278976355523419/embed            https://www.threads.net/@jane/post/C1a2B3c4D5e
//! https://www.facebook.com/janedoe/posts/10158123456789012          https://www.facebook.com/permalink.php?story_fbid=1&id=2
//! https://www.tiktok.com/@jane.doe/video/6718335390845095173?lang=en https://m.tiktok.com/@jane.doe/photo/7301234567890123456
//! https://t.me/durov/43?embed=1   https://t.me/s/durov/43   https://telegram.me/durov/43   https://t.me/somegroup/12/345
//! ```
//!
//! TikTok's short links (`vm.tiktok.com/ZM…`) name no post until followed, so they give nothing.
//!
//! A Telegram post's number only counts within its channel (every channel numbers its posts 1, 2,
//! 3, …), so its id is `<channel>/<number>`, the channel lowercased — usernames are
//! case-insensitive, and `t.me/Durov/43` and `data-telegram-post="durov/43"` are one post — and the
//! number without leading zeros: the post's id in the output is `telegram:durov/43` whatever the
//! link's spelling. The channel as the link writes it is the handle. Private links
//! (`t.me/c/<internal id>/<number>`), invite, sticker, proxy and share links name no public post;
//! a link with a `comment` parameter names a comment in the channel's discussion group, not the
//! post: all give nothing. A message in a forum topic (`t.me/<group>/<topic>/<number>`) is keyed
//! on the group and its number, which is unique in the group.
//!
//! Ids that encode their creation time give an exact `created_at`, always written in UTC with
//! milliseconds (`2019-12-31T14:05:22.123Z`):
//!
//! * Twitter snowflakes (November 2010 on): `ms = (id >> 22) + 1288834974657`;
//! * Mastodon ids (version 2 on): `ms = id >> 16`;
//! * Bluesky record keys (TIDs, 13 base32-sortable characters): `µs = value >> 10`;
//! * TikTok video (and photo) ids: Unix time in seconds in the top 32 bits, `ms = (id >> 32) · 1000`
//!   (no milliseconds: they always read `.000`).
//!
//! Ids that predate these schemes (small sequential numbers) give nothing.

use crate::model::Platform;
use crate::post::date::Date;
use url::Url;

/// The post a status link names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLink {
    /// The network.
    pub platform: Platform,
    /// The author's handle where the link shows it (`user@instance` on Mastodon).
    pub handle: Option<String>,
    /// The post's id on its network (a number, an Instagram/Threads shortcode, a Bluesky rkey).
    /// TikTok: the video's number. Telegram: `<channel>/<number>`, the channel lowercased
    /// (see [`telegram_id`]).
    pub id: String,
}

/// Twitter's snowflake epoch (2010-11-04T01:42:54.657Z), in Unix milliseconds.
pub const TWITTER_EPOCH_MS: u64 = 1_288_834_974_657;

/// Smallest id read as a snowflake: sequential ids before November 2010 stayed below ~3·10¹⁰.
const MIN_SNOWFLAKE: u64 = 1 << 36;

/// Path words of t.me that stand where a channel name would but are not one (those under 5
/// characters, such as `c`, `s`, `iv` or `bg`, are no channel names anyway).
const TELEGRAM_RESERVED: [&str; 15] = [
    "joinchat",
    "addstickers",
    "addemoji",
    "addtheme",
    "addlist",
    "share",
    "proxy",
    "socks",
    "setlanguage",
    "login",
    "confirmphone",
    "invoice",
    "boost",
    "giftcode",
    "contact",
];

/// Path words that stand where a Twitter handle would but are not one.
const TWITTER_RESERVED: [&str; 8] = [
    "i", "intent", "hashtag", "search", "share", "home", "web", "status",
];

/// Reads a status link of any supported network except Mastodon (whose servers are anywhere; see
/// [`parse_mastodon`]). Query strings and fragments are ignored, except Twitter's 2011 `#!/` links
/// and Telegram's `comment` parameter.
pub fn parse(link: &str) -> Option<StatusLink> {
    if link.trim().starts_with("at://") {
        return parse_at_uri(link.trim());
    }
    let url = Url::parse(link.trim()).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("mobile.").unwrap_or(host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    let host = host.strip_prefix("web.").unwrap_or(host);
    let host = host.strip_prefix("old.").unwrap_or(host);
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|x| !x.is_empty()).collect())
        .unwrap_or_default();
    match host {
        "twitter.com" | "x.com" => {
            let hashbang: Vec<&str>;
            let segments = match url.fragment().and_then(|f| f.strip_prefix("!/")) {
                Some(f) if segments.is_empty() => {
                    hashbang = f.split('/').filter(|x| !x.is_empty()).collect();
                    &hashbang
                }
                _ => &segments,
            };
            twitter_path(segments)
        }
        "instagram.com" | "instagr.am" => {
            let at = segments
                .iter()
                .position(|s| matches!(*s, "p" | "reel" | "tv" | "reels"))?;
            let code = *segments.get(at + 1)?;
            is_shortcode(code).then(|| StatusLink {
                platform: Platform::Instagram,
                handle: None,
                id: code.to_string(),
            })
        }
        "bsky.app" => match segments.as_slice() {
            ["profile", who, "post", rkey, ..] if is_rkey(rkey) => Some(StatusLink {
                platform: Platform::Bluesky,
                handle: (!who.starts_with("did:")).then(|| who.to_string()),
                id: rkey.to_string(),
            }),
            _ => None,
        },
        "threads.net" | "threads.com" => match segments.as_slice() {
            [user, "post", code, ..] if user.starts_with('@') && is_shortcode(code) => {
                Some(StatusLink {
                    platform: Platform::Threads,
                    handle: Some(user.trim_start_matches('@').to_string())
                        .filter(|h| !h.is_empty()),
                    id: code.to_string(),
                })
            }
            _ => None,
        },
        "facebook.com" | "fb.com" => parse_facebook(&url, &segments),
        "reddit.com" => match segments.as_slice() {
            ["r", _, "comments", id, ..] | ["comments", id, ..] if is_reddit_id(id) => {
                Some(StatusLink {
                    platform: Platform::Reddit,
                    handle: None,
                    id: id.to_ascii_lowercase(),
                })
            }
            _ => None,
        },
        "linkedin.com" => parse_linkedin(&segments),
        "t.me" | "telegram.me" | "telegram.dog" => {
            if url.query_pairs().any(|(k, _)| k == "comment") {
                return None;
            }
            telegram_path(&segments)
        }
        "tiktok.com" => match segments.as_slice() {
            [user, "video" | "photo", id, ..] if is_numeric_id(id) => {
                let handle = user.strip_prefix('@').filter(|h| is_tiktok_handle(h))?;
                Some(StatusLink {
                    platform: Platform::TikTok,
                    handle: Some(handle.to_string()),
                    id: id.to_string(),
                })
            }
            _ => None,
        },
        _ => None,
    }
}

/// `<handle>/status/<id>`, `<handle>/statuses/<id>`, `i/web/status/<id>`, `i/status/<id>`.
fn twitter_path(segments: &[&str]) -> Option<StatusLink> {
    let at = segments
        .iter()
        .position(|s| matches!(*s, "status" | "statuses"))?;
    let id = *segments.get(at + 1)?;
    if !is_numeric_id(id) {
        return None;
    }
    let handle = match at {
        1 => segments
            .first()
            .filter(|h| is_twitter_handle(h))
            .map(|h| h.to_string()),
        _ => None,
    };
    Some(StatusLink {
        platform: Platform::Twitter,
        handle,
        id: id.to_string(),
    })
}

/// `<channel>/<number>`, `s/<channel>/<number>` (the web preview) and `<group>/<topic>/<number>`
/// (a message in a forum topic).
fn telegram_path(segments: &[&str]) -> Option<StatusLink> {
    let segments = match segments {
        ["s", rest @ ..] => rest,
        _ => segments,
    };
    let (channel, number) = match segments {
        [channel, number] => (*channel, *number),
        [channel, topic, number] if is_numeric_id(topic) => (*channel, *number),
        _ => return None,
    };
    let id = telegram_id(channel, number)?;
    Some(StatusLink {
        platform: Platform::Telegram,
        handle: Some(channel.to_string()),
        id,
    })
}

/// The id of post `number` of a public Telegram channel: `<channel>/<number>`, the channel
/// lowercased and the number without leading zeros, so that every spelling of one post gives
/// one id. `None` unless `channel` is a public username and `number` a post number (1 to
/// 2³¹ − 1, Telegram's message ids being 32-bit signed).
///
/// ```
/// use embedscan::_internal::status_link::telegram_id;
/// assert_eq!(telegram_id("Durov", "043").as_deref(), Some("durov/43"));
/// assert_eq!(telegram_id("c", "45"), None);
/// assert_eq!(telegram_id("durov", "0"), None);
/// ```
pub fn telegram_id(channel: &str, number: &str) -> Option<String> {
    if !is_telegram_channel(channel) || !is_numeric_id(number) {
        return None;
    }
    let n: i32 = number.parse().ok().filter(|&n| n > 0)?;
    Some(format!("{}/{n}", channel.to_ascii_lowercase()))
}

/// `at://<did or handle>/app.bsky.feed.post/<rkey>`.
fn parse_at_uri(link: &str) -> Option<StatusLink> {
    let rest = link.strip_prefix("at://")?;
    let mut parts = rest.split('/');
    let who = parts.next()?;
    if parts.next()? != "app.bsky.feed.post" {
        return None;
    }
    let rkey = parts.next()?;
    is_rkey(rkey).then(|| StatusLink {
        platform: Platform::Bluesky,
        handle: (!who.starts_with("did:") && !who.is_empty()).then(|| who.to_string()),
        id: rkey.to_string(),
    })
}

/// `/<user>/posts/<id>`, `/<user>/videos/<id>`, `/permalink.php?story_fbid=..&id=..`, `/photo.php?fbid=..`.
fn parse_facebook(url: &Url, segments: &[&str]) -> Option<StatusLink> {
    let query = |key: &str| {
        url.query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    };
    match segments {
        [script, ..] if script.ends_with(".php") => {
            let id = query("story_fbid").or_else(|| query("fbid"))?;
            is_facebook_id(&id).then_some(StatusLink {
                platform: Platform::Facebook,
                handle: None,
                id,
            })
        }
        // The embed plugin's frame: the post's own link in `href`.
        ["plugins", "post.php" | "video.php"] => {
            parse(&query("href")?).filter(|l| l.platform == Platform::Facebook)
        }
        ["watch"] => {
            let id = query("v")?;
            is_facebook_id(&id).then_some(StatusLink {
                platform: Platform::Facebook,
                handle: None,
                id,
            })
        }
        [user, kind, id, ..]
            if matches!(*kind, "posts" | "videos" | "photos") && is_facebook_id(id) =>
        {
            Some(StatusLink {
                platform: Platform::Facebook,
                handle: Some(user.to_string()),
                id: id.to_string(),
            })
        }
        _ => None,
    }
}

/// Whether `s` can be a Reddit post id: base 36, a few characters.
fn is_reddit_id(s: &str) -> bool {
    (4..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// LinkedIn: `embed/feed/update/urn:li:share:<n>`, `feed/update/urn:li:activity:<n>` and
/// `posts/<slug>-activity-<n>-<code>`; the id is the URN's number.
fn parse_linkedin(segments: &[&str]) -> Option<StatusLink> {
    let id = match segments {
        ["embed", "feed", "update", urn, ..] | ["feed", "update", urn, ..] => {
            let (kind, n) = urn.strip_prefix("urn:li:")?.split_once(':')?;
            matches!(kind, "share" | "activity" | "ugcPost").then_some(n)?
        }
        ["posts", slug, ..] => {
            let (_, rest) = slug.rsplit_once("-activity-")?;
            rest.split('-').next()?
        }
        _ => return None,
    };
    is_numeric_id(id).then(|| StatusLink {
        platform: Platform::LinkedIn,
        handle: None,
        id: id.to_string(),
    })
}

/// Reads a Mastodon status link: `https://<instance>/@<user>/<id>` (optionally `/embed`) or
/// `https://<instance>/users/<user>/statuses/<id>`; the handle is `user@instance`.
pub fn parse_mastodon(link: &str) -> Option<StatusLink> {
    let url = Url::parse(link.trim()).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let segments: Vec<&str> = url.path_segments()?.filter(|x| !x.is_empty()).collect();
    let (user, id) = match segments.as_slice() {
        [user, id, ..] if user.starts_with('@') => (user.trim_start_matches('@'), *id),
        ["users", user, "statuses", id, ..] => (*user, *id),
        _ => return None,
    };
    let user = user.split('@').next().unwrap_or(user);
    (is_numeric_id(id) && !user.is_empty()).then(|| StatusLink {
        platform: Platform::Mastodon,
        handle: Some(format!("{user}@{host}")),
        id: id.to_string(),
    })
}

/// The canonical status URL of a post, where its network's URL can be built from what is known.
pub fn canonical_url(platform: Platform, handle: Option<&str>, id: &str) -> Option<String> {
    match platform {
        Platform::Twitter => Some(match handle {
            Some(h) => format!("https://twitter.com/{h}/status/{id}"),
            None => format!("https://twitter.com/i/web/status/{id}"),
        }),
        Platform::Instagram => Some(format!("https://www.instagram.com/p/{id}/")),
        Platform::Bluesky => handle.map(|h| format!("https://bsky.app/profile/{h}/post/{id}")),
        Platform::Threads => handle.map(|h| format!("https://www.threads.net/@{h}/post/{id}")),
        Platform::Facebook => handle.map(|h| format!("https://www.facebook.com/{h}/posts/{id}")),
        Platform::TikTok => handle.map(|h| format!("https://www.tiktok.com/@{h}/video/{id}")),
        // The id names its channel: `<channel>/<number>`.
        Platform::Telegram => {
            let (channel, number) = id.split_once('/')?;
            let id = telegram_id(channel, number)?;
            Some(format!("https://t.me/{id}"))
        }
        Platform::Mastodon => {
            let (user, instance) = handle?.split_once('@')?;
            Some(format!("https://{instance}/@{user}/{id}"))
        }
        Platform::Reddit => Some(format!("https://www.reddit.com/comments/{id}/")),
        // The number alone does not say whether it is a share's or an activity's.
        Platform::LinkedIn => None,
    }
}

/// Unix milliseconds at which a post was created, where its id encodes it and the result is
/// plausible for the network (a year from its launch to 2100).
pub fn created_ms(platform: Platform, id: &str) -> Option<u64> {
    let (ms, min_year) = match platform {
        Platform::Twitter => {
            let n: u64 = id.parse().ok().filter(|&n| n >= MIN_SNOWFLAKE)?;
            ((n >> 22).checked_add(TWITTER_EPOCH_MS)?, 2010)
        }
        Platform::Mastodon => (id.parse::<u64>().ok()? >> 16, 2016),
        Platform::Bluesky => (tid_micros(id)? / 1000, 2022),
        Platform::TikTok => {
            let n: u64 = id.parse().ok()?;
            ((n >> 32).checked_mul(1000)?, 2016)
        }
        // Telegram numbers each channel's posts 1, 2, 3, …: no time in them.
        Platform::Telegram => return None,
        _ => return None,
    };
    let (year, ..) = civil(ms)?;
    (min_year..=2100).contains(&year).then_some(ms)
}

/// The exact creation time (RFC 3339, UTC, with milliseconds) encoded in a post's id.
///
/// ```
/// use embedscan::{_internal::status_link::created_at, model::Platform};
/// assert_eq!(created_at(Platform::Twitter, "1211976404581683200").as_deref(), Some("2019-12-31T11:44:26.941Z"));
/// assert_eq!(created_at(Platform::Twitter, "20"), None);
/// ```
pub fn created_at(platform: Platform, id: &str) -> Option<String> {
    let ms = created_ms(platform, id)?;
    let (y, mo, d, h, mi, s, milli) = civil(ms)?;
    Some(format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z"
    ))
}

/// The UTC calendar day of [`created_at`].
pub fn created_date(platform: Platform, id: &str) -> Option<Date> {
    let (year, month, day, ..) = civil(created_ms(platform, id)?)?;
    Some(Date {
        year: u16::try_from(year).ok()?,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
}

/// Reads the date of an ISO 8601 stamp such as `2012-03-06T18:01:12+00:00` (the date part only).
pub fn iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year: u16 = s.get(..4)?.parse().ok()?;
    let month: u8 = s.get(5..7)?.parse().ok()?;
    let day: u8 = s.get(8..10)?.parse().ok()?;
    ((1990..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(Date { year, month, day })
}

/// A Bluesky TID's microseconds since the Unix epoch.
fn tid_micros(rkey: &str) -> Option<u64> {
    const ALPHABET: &[u8] = b"234567abcdefghijklmnopqrstuvwxyz";
    if rkey.len() != 13 {
        return None;
    }
    let mut value: u64 = 0;
    for c in rkey.bytes() {
        let digit = ALPHABET.iter().position(|&a| a == c)?;
        value = value
            .checked_mul(32)?
            .checked_add(u64::try_from(digit).ok()?)?;
    }
    Some((value & !(1 << 63)) >> 10)
}

/// Year, month, day, hour, minute, second, millisecond (UTC) of Unix milliseconds.
fn civil(ms: u64) -> Option<(i64, u32, u32, u32, u32, u32, u32)> {
    let ms = i64::try_from(ms).ok()?;
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let t = |v: i64| u32::try_from(v).ok();
    Some((
        year,
        t(month)?,
        t(day)?,
        t(rem / 3_600_000)?,
        t(rem / 60_000 % 60)?,
        t(rem / 1000 % 60)?,
        t(rem % 1000)?,
    ))
}

/// A decimal id of 1 to 20 digits that fits in 64 bits.
fn is_numeric_id(s: &str) -> bool {
    (1..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u64>().is_ok()
}

/// A Facebook post id: digits, or a `pfbid…` token.
fn is_facebook_id(s: &str) -> bool {
    is_numeric_id(s)
        || (s.starts_with("pfbid") && s.len() <= 80 && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A Twitter handle: 1 to 15 ASCII letters, digits or `_`, not a reserved path word.
pub fn is_twitter_handle(s: &str) -> bool {
    (1..=15).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !TWITTER_RESERVED.iter().any(|r| r.eq_ignore_ascii_case(s))
}

/// A public Telegram username (of a channel, group or user): 5 to 32 ASCII letters, digits or
/// `_`, opening with a letter, and not a reserved path of t.me.
pub fn is_telegram_channel(s: &str) -> bool {
    (5..=32).contains(&s.len())
        && s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !TELEGRAM_RESERVED.iter().any(|r| r.eq_ignore_ascii_case(s))
}

/// A TikTok username: 2 to 24 ASCII letters, digits, `_` or `.`.
pub fn is_tiktok_handle(s: &str) -> bool {
    (2..=24).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// An Instagram or Threads shortcode.
fn is_shortcode(s: &str) -> bool {
    (5..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A Bluesky record key.
fn is_rkey(s: &str) -> bool {
    (1..=512).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tw(link: &str) -> Option<(Option<String>, String)> {
        parse(link)
            .filter(|s| s.platform == Platform::Twitter)
            .map(|s| (s.handle, s.id))
    }

    #[test]
    fn twitter_links() {
        let want = Some((
            Some("RiverReport".to_string()),
            "1211976404581683200".to_string(),
        ));
        assert_eq!(
            tw("https://twitter.com/RiverReport/status/1211976404581683200?ref_src=twsrc%5Etfw"),
            want
        );
        assert_eq!(
            tw("https://mobile.twitter.com/RiverReport/statuses/1211976404581683200"),
            want
        );
        assert_eq!(
            tw("https://x.com/RiverReport/status/1211976404581683200/photo/1"),
            want
        );
        assert_eq!(
            tw("http://twitter.com/#!/RiverReport/status/1211976404581683200"),
            want
        );
        assert_eq!(
            tw("https://twitter.com/i/web/status/1211976404581683200"),
            Some((None, "1211976404581683200".into()))
        );
        assert_eq!(tw("https://twitter.com/RiverReport"), None);
        assert_eq!(tw("https://twitter.com/hashtag/Flood?src=hash"), None);
        assert_eq!(tw("https://t.co/abc"), None);
        assert_eq!(tw("https://twitter.com/a/status/12x"), None);
    }

    #[test]
    fn other_links() {
        let ig = parse(
            "https://www.instagram.com/p/B6tqG1xAbCd/?utm_source=ig_embed&utm_campaign=loading",
        )
        .unwrap();
        assert_eq!(
            (ig.platform, ig.id.as_str()),
            (Platform::Instagram, "B6tqG1xAbCd")
        );
        let bs = parse("at://did:plc:abc/app.bsky.feed.post/3lbqwe2x7ks2c").unwrap();
        assert_eq!(
            (bs.platform, bs.handle, bs.id.as_str()),
            (Platform::Bluesky, None, "3lbqwe2x7ks2c")
        );
        let th = parse("https://www.threads.net/@jane.doe/post/C1a2B3c4D5e").unwrap();
        assert_eq!(
            (th.handle.as_deref(), th.id.as_str()),
            (Some("jane.doe"), "C1a2B3c4D5e")
        );
        let fb = parse("https://www.facebook.com/janedoe/posts/10158123456789012").unwrap();
        assert_eq!(
            (fb.handle.as_deref(), fb.id.as_str()),
            (Some("janedoe"), "10158123456789012")
        );
        let m = parse_mastodon("https://mastodon.social/@jane/109278976355523419/embed").unwrap();
        assert_eq!(m.handle.as_deref(), Some("jane@mastodon.social"));
    }

    #[test]
    fn times_from_ids() {
        assert_eq!(
            created_at(Platform::Twitter, "1211976404581683200").as_deref(),
            Some("2019-12-31T11:44:26.941Z")
        );
        assert_eq!(
            created_date(Platform::Twitter, "1211976404581683200")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-12-31")
        );
        assert_eq!(created_at(Platform::Twitter, "150011447"), None);
        assert_eq!(created_at(Platform::Twitter, "18446744073709551615"), None);
        assert_eq!(
            created_at(Platform::Mastodon, "109278976355523419").as_deref(),
            Some("2022-11-03T08:40:49.174Z")
        );
        assert_eq!(created_at(Platform::Mastodon, "12345"), None);
        assert!(created_at(Platform::Bluesky, "3lbqwe2x7ks2c")
            .is_some_and(|t| t.starts_with("2024-11")));
        assert_eq!(created_at(Platform::Instagram, "B6tqG1xAbCd"), None);
    }

    #[test]
    fn tiktok_links() {
        let want = Some(StatusLink {
            platform: Platform::TikTok,
            handle: Some("jane.doe_42".into()),
            id: "6718335390845095173".into(),
        });
        for link in [
            "https://www.tiktok.com/@jane.doe_42/video/6718335390845095173",
            "https://www.tiktok.com/@jane.doe_42/video/6718335390845095173?is_from_webapp=1&lang=en",
            "https://m.tiktok.com/@jane.doe_42/video/6718335390845095173/",
            "https://tiktok.com/@jane.doe_42/photo/6718335390845095173#top",
        ] {
            assert_eq!(parse(link), want, "{link}");
        }
        for link in [
            "https://vm.tiktok.com/ZMabc123/",
            "https://www.tiktok.com/@jane.doe_42",
            "https://www.tiktok.com/jane/video/6718335390845095173",
            "https://www.tiktok.com/@j/video/6718335390845095173",
            "https://www.tiktok.com/@abcdefghijklmnopqrstuvwxy/video/6718335390845095173",
            "https://www.tiktok.com/@jane-doe/video/6718335390845095173",
            "https://www.tiktok.com/@jane/video/67183x",
            "https://www.tiktok.com/@jane/video/99999999999999999999999",
            "https://www.tiktok.com/tag/foryoupage",
            "https://www.tiktok.com/embed/v2/6718335390845095173",
        ] {
            assert_eq!(parse(link), None, "{link}");
        }
        assert_eq!(
            canonical_url(Platform::TikTok, Some("jane.doe_42"), "6718335390845095173").as_deref(),
            Some("https://www.tiktok.com/@jane.doe_42/video/6718335390845095173")
        );
        assert_eq!(
            canonical_url(Platform::TikTok, None, "6718335390845095173"),
            None
        );
    }

    #[test]
    fn tiktok_times() {
        // 6718335390845095173 >> 32 = 1564234353 s = 2019-07-27T13:32:33Z.
        assert_eq!(
            created_at(Platform::TikTok, "6718335390845095173").as_deref(),
            Some("2019-07-27T13:32:33.000Z")
        );
        assert_eq!(
            created_date(Platform::TikTok, "6718335390845095173")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-07-27")
        );
        // Too small (1970), and a 2015 time (before TikTok), and past 2100: nothing.
        assert_eq!(created_at(Platform::TikTok, "12345"), None);
        assert_eq!(
            created_at(Platform::TikTok, &((1_420_070_400u64) << 32).to_string()),
            None
        );
        assert_eq!(created_at(Platform::TikTok, "18446744073709551615"), None);
        assert_eq!(created_at(Platform::TikTok, "not-a-number"), None);
        assert_eq!(
            serde_json::to_string(&Platform::TikTok).ok().as_deref(),
            Some("\"tiktok\"")
        );
        assert_eq!(Platform::TikTok.as_str(), "tiktok");
    }

    #[test]
    fn telegram_links() {
        let post = |handle: &str, id: &str| {
            Some(StatusLink {
                platform: Platform::Telegram,
                handle: Some(handle.into()),
                id: id.into(),
            })
        };
        for link in [
            "https://t.me/kyiv_rain_watch/4521",
            "http://t.me/kyiv_rain_watch/4521/",
            "https://t.me/kyiv_rain_watch/4521?embed=1",
            "https://t.me/kyiv_rain_watch/4521?embed=1&userpic=false&dark=1",
            "https://t.me/kyiv_rain_watch/4521?single",
            "https://t.me/s/kyiv_rain_watch/4521",
            "https://telegram.me/kyiv_rain_watch/4521",
            "https://www.telegram.me/kyiv_rain_watch/4521#top",
            "https://telegram.dog/kyiv_rain_watch/4521",
            "https://T.ME/kyiv_rain_watch/04521",
        ] {
            assert_eq!(
                parse(link),
                post("kyiv_rain_watch", "kyiv_rain_watch/4521"),
                "{link}"
            );
        }
        // The handle keeps the link's spelling; the id is lowercased so both spellings are one post.
        assert_eq!(
            parse("https://t.me/Kyiv_Rain_Watch/4521"),
            post("Kyiv_Rain_Watch", "kyiv_rain_watch/4521")
        );
        // A message in a forum topic: the group and the message's own number.
        assert_eq!(
            parse("https://t.me/river_forum/12/345"),
            post("river_forum", "river_forum/345")
        );
        for link in [
            "https://t.me/c/1234567890/45",
            "https://t.me/c/1234567890/45?single",
            "https://t.me/joinchat/AAAAAEkk2WdoDrB4",
            "https://t.me/joinchat/12345",
            "https://t.me/addstickers/HotCherry",
            "https://t.me/share/url?url=https://example.com",
            "https://t.me/share/12345",
            "https://t.me/proxy?server=1.2.3.4&port=443",
            "https://t.me/proxy/12345",
            "https://t.me/iv?url=https://example.com/a&rhash=abc",
            "https://t.me/+AbCdEf123",
            "https://t.me/kyiv_rain_watch",
            "https://t.me/s/kyiv_rain_watch",
            "https://t.me/kyiv_rain_watch/abc",
            "https://t.me/kyiv_rain_watch/0",
            "https://t.me/kyiv_rain_watch/2147483648",
            "https://t.me/kyiv_rain_watch/99999999999999999999999",
            "https://t.me/kyiv_rain_watch/4521/photo",
            "https://t.me/kyiv_rain_watch/4521?comment=88",
            "https://t.me/abcd/12",
            "https://t.me/1channel/12",
            "https://t.me/abcdefghijklmnopqrstuvwxyz1234567/12",
            "https://t.me/kyiv-rain/12",
            "https://t.me/",
            "https://telegram.org/blog/12345",
            "https://kyiv_rain_watch.t.me/4521",
            "tg://resolve?domain=kyiv_rain_watch&post=4521",
        ] {
            assert_eq!(parse(link), None, "{link}");
        }
        assert!(is_telegram_channel("durov1"));
        assert!(!is_telegram_channel("JoinChat"));
        assert_eq!(
            canonical_url(
                Platform::Telegram,
                Some("Kyiv_Rain_Watch"),
                "kyiv_rain_watch/4521"
            )
            .as_deref(),
            Some("https://t.me/kyiv_rain_watch/4521")
        );
        assert_eq!(
            canonical_url(Platform::Telegram, None, "kyiv_rain_watch/4521").as_deref(),
            Some("https://t.me/kyiv_rain_watch/4521")
        );
        assert_eq!(canonical_url(Platform::Telegram, Some("durov"), "43"), None);
        assert_eq!(canonical_url(Platform::Telegram, None, "c/45"), None);
        // Sequential numbers: no creation time.
        assert_eq!(created_at(Platform::Telegram, "kyiv_rain_watch/4521"), None);
        assert_eq!(created_at(Platform::Telegram, "1211976404581683200"), None);
        assert_eq!(
            serde_json::to_string(&Platform::Telegram).ok().as_deref(),
            Some("\"telegram\"")
        );
        assert_eq!(Platform::Telegram.as_str(), "telegram");
        assert_eq!(
            crate::post::post_id(
                Platform::Telegram,
                Some("kyiv_rain_watch/4521"),
                None,
                None,
                ""
            ),
            "telegram:kyiv_rain_watch/4521"
        );
    }
}
