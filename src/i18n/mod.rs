//! The message catalog: every text a person reads, in Vietnamese and English.
//!
//! The messages live in Fluent files (`en/*.ftl`, `vi/*.ftl`) compiled into
//! the binary. [`tr!`](crate::tr) formats one by its identifier in the
//! language chosen for this run ([`set`]); JSON and CSV data never pass
//! through here, so their keys and values stay the same in both languages.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language of the user interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The language a locale name asks for: Vietnamese for `vi`, `vi_VN.UTF-8`
    /// and the like, English for anything else.
    pub fn of_locale(locale: &str) -> Lang {
        if locale
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("vi"))
        {
            Lang::Vi
        } else {
            Lang::En
        }
    }

    /// The language the environment asks for, by POSIX precedence: the first
    /// non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`; English when none is set.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::of_locale(&value))
    }

    /// The language of a command line's `--lang` option, if it has one that
    /// names a language (`--lang vi`, `--lang=en`); the last one counts.
    pub fn from_args<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<Lang> {
        let mut found = None;
        let mut iter = args.iter().map(|a| a.as_ref().to_string_lossy());
        while let Some(arg) = iter.next() {
            if arg == "--" {
                break;
            }
            let value = if arg == "--lang" {
                iter.next().map(std::borrow::Cow::into_owned)
            } else {
                arg.strip_prefix("--lang=").map(str::to_owned)
            };
            match value.as_deref() {
                Some("vi") => found = Some(Lang::Vi),
                Some("en") => found = Some(Lang::En),
                _ => {}
            }
        }
        found
    }

    fn index(self) -> usize {
        match self {
            Lang::Vi => 0,
            Lang::En => 1,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(1);

/// Chooses the language of every message of this run.
pub fn set(lang: Lang) {
    CURRENT.store(lang.index() as u8, Ordering::Relaxed);
}

thread_local! {
    /// A language this thread formats in for a while ([`in_lang`]).
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Runs `f` with this thread's messages in `lang`, whatever the run's
/// language: the English kept in JSON values, say. Other threads are not
/// affected.
pub fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

/// The language chosen for this run (English until [`set`] is called), or
/// the one [`in_lang`] chose for this thread.
pub fn current() -> Lang {
    if let Some(lang) = OVERRIDE.with(Cell::get) {
        return lang;
    }
    if CURRENT.load(Ordering::Relaxed) == 0 {
        Lang::Vi
    } else {
        Lang::En
    }
}

/// The Fluent sources of one language, one file per part of tthc: `main`
/// (errors of every command), `cli` (the help, looked up by command and
/// option names), `input` (reading and checking decision files), `commands`
/// (summaries, tables and notices of the commands), `annex` (the exported
/// annex) and `audit` (diff, history, report and verification).
macro_rules! sources {
    ($lang:literal) => {
        [
            include_str!(concat!($lang, "/main.ftl")),
            include_str!(concat!($lang, "/cli.ftl")),
            include_str!(concat!($lang, "/input.ftl")),
            include_str!(concat!($lang, "/commands.ftl")),
            include_str!(concat!($lang, "/annex.ftl")),
            include_str!(concat!($lang, "/audit.ftl")),
        ]
    };
}

const VI: [&str; 6] = sources!("vi");
const EN: [&str; 6] = sources!("en");

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle("vi", &VI), bundle("en", &EN)])
}

fn bundle(tag: &str, sources: &[&str]) -> Bundle {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Messages go to terminals and log files, where Unicode isolation marks
    // around every value are noise.
    bundle.set_use_isolating(false);
    // DATE($day): the dates in a value written day first, as Vietnamese
    // readers write them (2025-11-19 -> 19/11/2025).
    let _ = bundle.add_function("DATE", |positional, _named| match positional.first() {
        Some(FluentValue::String(text)) => FluentValue::from(day_first(text)),
        Some(other) => other.clone(),
        None => FluentValue::None,
    });
    for source in sources {
        // The catalog is compiled in and checked by the tests below; a syntax
        // error would leave the broken messages out, never stop a run.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// `text` with every ISO date (`2025-11-19`) written day first
/// (`19/11/2025`); a date that is part of a time stamp (`2025-11-19T08:00`)
/// or of a decision reference (`1580/QĐ-UBND@2025-06-20`) stays as it is.
pub fn day_first(text: &str) -> String {
    let bytes = text.as_bytes();
    let digits = |from: usize, n: usize| {
        bytes
            .get(from..from + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let starts = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'@');
        let is_date = starts
            && digits(i, 4)
            && bytes.get(i + 4) == Some(&b'-')
            && digits(i + 5, 2)
            && bytes.get(i + 7) == Some(&b'-')
            && digits(i + 8, 2)
            && !bytes.get(i + 10).is_some_and(u8::is_ascii_alphanumeric);
        if is_date {
            let d = &text[i..i + 10];
            out.push_str(&d[8..10]);
            out.push('/');
            out.push_str(&d[5..7]);
            out.push('/');
            out.push_str(&d[0..4]);
            i += 10;
        } else {
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&text[i..i + len]);
            i += len;
        }
    }
    out
}

/// Whether the catalog has message `id` in `lang`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundles()[lang.index()].has_message(id)
}

/// Formats message `id` in the current language with `args`. A message
/// missing in Vietnamese falls back to English, and one missing in both to
/// its identifier (the tests keep both catalogs complete).
pub fn message(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    message_in(current(), id, args)
}

/// Formats message `id` in `lang`.
pub fn message_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let all = bundles();
    for bundle in [&all[lang.index()], &all[Lang::En.index()]] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    id.to_owned()
}

/// An argument of a message: text as it is, numbers as numbers (so that
/// plural forms can select on them).
pub trait Arg {
    fn arg(&self) -> FluentValue<'_>;
}

impl Arg for str {
    fn arg(&self) -> FluentValue<'_> {
        FluentValue::from(self)
    }
}
impl Arg for String {
    fn arg(&self) -> FluentValue<'_> {
        FluentValue::from(self.as_str())
    }
}
impl<T: Arg + ?Sized> Arg for &T {
    fn arg(&self) -> FluentValue<'_> {
        (**self).arg()
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn arg(&self) -> FluentValue<'_> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_args!(usize, u64, u32, i64, i32);

/// Formats a message of the catalog in the current language:
/// `tr!("import-done", decisions = n, file = path.display().to_string())`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::arg(&$value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
