//! Locale tables of validator.js `alpha.js`: the letter (and digit) classes of `isAlpha`
//! and `isAlphanumeric`, and the decimal separators of `isFloat`, `isNumeric` and
//! `isDecimal`.
//!
//! The tables are transcribed from validator 13.15 `lib/alpha.js` (ranges merged). Its
//! patterns are JS regexes without the `u` flag, mostly with `i`: membership is decided
//! per UTF-16 code unit, with the `i` flag's canonicalization (a unit matches when its
//! simple uppercase, kept only if it is a single BMP unit and does not map non-ASCII to
//! ASCII, equals that of a class member). A 64 Kibit table per pattern is computed on first
//! use. The JS test suite compares every BMP code unit, for every locale, with validator.js.

use std::sync::OnceLock;

/// The shape of a locale pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `^[first]+$`
    Plus,
    /// `^[first]*$` (the empty string matches: `ko-KR`)
    Star,
    /// `^[first]+[second]*$` (`hi-IN`)
    PlusThenStar,
}

/// A locale pattern: one or two classes of code-unit ranges.
pub(crate) struct Pattern {
    cache: OnceLock<[Box<[u64; 1024]>; 2]>,
    case_insensitive: bool,
    kind: Kind,
    first: &'static [(u32, u32)],
    second: &'static [(u32, u32)],
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pattern")
            .field("kind", &self.kind)
            .field("first", &self.first)
            .finish_non_exhaustive()
    }
}

fn table(ranges: &[(u32, u32)], case_insensitive: bool) -> Box<[u64; 1024]> {
    let mut bits = Box::new([0u64; 1024]);
    let mut set = |unit: u32| bits[(unit >> 6) as usize] |= 1 << (unit & 63);
    if case_insensitive {
        let mut canon = Box::new([0u64; 1024]);
        for &(lo, hi) in ranges {
            for unit in lo..=hi {
                let c = super::js_canonicalize(unit);
                canon[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        for unit in 0..=0xFFFF {
            let c = super::js_canonicalize(unit);
            if canon[(c >> 6) as usize] & (1 << (c & 63)) != 0 {
                set(unit);
            }
        }
    } else {
        for &(lo, hi) in ranges {
            for unit in lo..=hi {
                set(unit);
            }
        }
    }
    bits
}

impl Pattern {
    fn tables(&self) -> &[Box<[u64; 1024]>; 2] {
        self.cache.get_or_init(|| {
            [table(self.first, self.case_insensitive), table(self.second, self.case_insensitive)]
        })
    }

    /// Whether the pattern matches all of `s` (astral characters never match: no class
    /// holds surrogates).
    pub(crate) fn matches(&self, s: &str) -> bool {
        let [first, second] = self.tables();
        let member = |t: &[u64; 1024], c: char| {
            let unit = u32::from(c);
            unit <= 0xFFFF && t[(unit >> 6) as usize] & (1 << (unit & 63)) != 0
        };
        let mut chars = s.chars().peekable();
        let mut leading = 0usize;
        while chars.next_if(|&c| member(first, c)).is_some() {
            leading += 1;
        }
        match self.kind {
            Kind::Plus => leading > 0 && chars.next().is_none(),
            Kind::Star => chars.next().is_none(),
            Kind::PlusThenStar => leading > 0 && chars.all(|c| member(second, c)),
        }
    }

    #[cfg(test)]
    pub(crate) fn contains_unit(&self, unit: u32) -> bool {
        self.tables()[0][(unit >> 6) as usize] & (1 << (unit & 63)) != 0
    }
}

/// Looks a locale up in a table.
pub(crate) fn find<T: Copy>(table: &[(&'static str, T)], locale: &str) -> Option<T> {
    table.iter().find(|(name, _)| *name == locale).map(|&(_, value)| value)
}

/// The locales `isAlpha` accepts (validator.js `isAlphaLocales`).
///
/// # Examples
/// ```
/// assert!(bulwark_core::validators::alpha_locales().any(|l| l == "de-DE"));
/// ```
pub fn alpha_locales() -> impl Iterator<Item = &'static str> {
    ALPHA.iter().map(|(name, _)| *name)
}

/// The locales `isAlphanumeric` accepts (validator.js `isAlphanumericLocales`).
pub fn alphanumeric_locales() -> impl Iterator<Item = &'static str> {
    ALPHANUMERIC.iter().map(|(name, _)| *name)
}

/// The locales `isFloat`, `isNumeric` and `isDecimal` accept, with their decimal
/// separator.
pub fn decimal_locales() -> impl Iterator<Item = (&'static str, char)> {
    DECIMAL.iter().copied()
}

/// `/^[A-Z]+$/i`
static P0: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x41, 0x5A)],
    second: &[],
};
/// `/^[A-VXYZÇƏĞİıÖŞÜ]+$/i`
static P1: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x56),
        (0x58, 0x5A),
        (0xC7, 0xC7),
        (0xD6, 0xD6),
        (0xDC, 0xDC),
        (0x11E, 0x11E),
        (0x130, 0x131),
        (0x15E, 0x15E),
        (0x18F, 0x18F),
    ],
    second: &[],
};
/// `/^[А-Я]+$/i`
static P2: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x410, 0x42F)],
    second: &[],
};
/// `/^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]+$/i`
static P3: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC9, 0xC9),
        (0xCD, 0xCD),
        (0xD3, 0xD3),
        (0xDA, 0xDA),
        (0xDD, 0xDD),
        (0x10C, 0x10C),
        (0x10E, 0x10E),
        (0x11A, 0x11A),
        (0x147, 0x147),
        (0x158, 0x158),
        (0x160, 0x160),
        (0x164, 0x164),
        (0x16E, 0x16E),
        (0x17D, 0x17D),
    ],
    second: &[],
};
/// `/^[A-ZÆØÅ]+$/i`
static P4: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x41, 0x5A), (0xC5, 0xC6), (0xD8, 0xD8)],
    second: &[],
};
/// `/^[A-ZÄÖÜß]+$/i`
static P5: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x41, 0x5A), (0xC4, 0xC4), (0xD6, 0xD6), (0xDC, 0xDC), (0xDF, 0xDF)],
    second: &[],
};
/// `/^[Α-ώ]+$/i`
static P6: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x391, 0x3CE)],
    second: &[],
};
/// `/^[A-ZÁÉÍÑÓÚÜ]+$/i`
static P7: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC9, 0xC9),
        (0xCD, 0xCD),
        (0xD1, 0xD1),
        (0xD3, 0xD3),
        (0xDA, 0xDA),
        (0xDC, 0xDC),
    ],
    second: &[],
};
/// `/^[ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی]+$/i`
static P8: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x627, 0x628),
        (0x62A, 0x63A),
        (0x641, 0x642),
        (0x644, 0x648),
        (0x67E, 0x67E),
        (0x686, 0x686),
        (0x698, 0x698),
        (0x6A9, 0x6A9),
        (0x6AF, 0x6AF),
        (0x6CC, 0x6CC),
    ],
    second: &[],
};
/// `/^[A-ZÅÄÖ]+$/i`
static P9: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x41, 0x5A), (0xC4, 0xC5), (0xD6, 0xD6)],
    second: &[],
};
/// `/^[A-ZÀÂÆÇÉÈÊËÏÎÔŒÙÛÜŸ]+$/i`
static P10: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC0, 0xC0),
        (0xC2, 0xC2),
        (0xC6, 0xCB),
        (0xCE, 0xCF),
        (0xD4, 0xD4),
        (0xD9, 0xD9),
        (0xDB, 0xDC),
        (0x152, 0x152),
        (0x178, 0x178),
    ],
    second: &[],
};
/// `/^[A-ZÀÉÈÌÎÓÒÙ]+$/i`
static P11: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC0, 0xC0),
        (0xC8, 0xC9),
        (0xCC, 0xCC),
        (0xCE, 0xCE),
        (0xD2, 0xD3),
        (0xD9, 0xD9),
    ],
    second: &[],
};
/// `/^[ぁ-んァ-ヶｦ-ﾟ一-龠ー・。、]+$/i`
static P12: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x3001, 0x3002),
        (0x3041, 0x3093),
        (0x30A1, 0x30F6),
        (0x30FB, 0x30FC),
        (0x4E00, 0x9FA0),
        (0xFF66, 0xFF9F),
    ],
    second: &[],
};
/// `/^[A-ZÁÉËÏÓÖÜÚ]+$/i`
static P13: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC9, 0xC9),
        (0xCB, 0xCB),
        (0xCF, 0xCF),
        (0xD3, 0xD3),
        (0xD6, 0xD6),
        (0xDA, 0xDA),
        (0xDC, 0xDC),
    ],
    second: &[],
};
/// `/^[A-ZÁÉÍÓÖŐÚÜŰ]+$/i`
static P14: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC9, 0xC9),
        (0xCD, 0xCD),
        (0xD3, 0xD3),
        (0xD6, 0xD6),
        (0xDA, 0xDA),
        (0xDC, 0xDC),
        (0x150, 0x150),
        (0x170, 0x170),
    ],
    second: &[],
};
/// `/^[A-ZĄĆĘŚŁŃÓŻŹ]+$/i`
static P15: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xD3, 0xD3),
        (0x104, 0x104),
        (0x106, 0x106),
        (0x118, 0x118),
        (0x141, 0x141),
        (0x143, 0x143),
        (0x15A, 0x15A),
        (0x179, 0x179),
        (0x17B, 0x17B),
    ],
    second: &[],
};
/// `/^[A-ZÃÁÀÂÄÇÉÊËÍÏÕÓÔÖÚÜ]+$/i`
static P16: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC0, 0xC4),
        (0xC7, 0xC7),
        (0xC9, 0xCB),
        (0xCD, 0xCD),
        (0xCF, 0xCF),
        (0xD3, 0xD6),
        (0xDA, 0xDA),
        (0xDC, 0xDC),
    ],
    second: &[],
};
/// `/^[А-ЯЁ]+$/i`
static P17: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x401, 0x401), (0x410, 0x42F)],
    second: &[],
};
/// `/^[А-ЯЁ\u04D8\u04B0\u0406\u04A2\u0492\u04AE\u049A\u04E8\u04BA]+$/i`
static P18: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x401, 0x401),
        (0x406, 0x406),
        (0x410, 0x42F),
        (0x492, 0x492),
        (0x49A, 0x49A),
        (0x4A2, 0x4A2),
        (0x4AE, 0x4AE),
        (0x4B0, 0x4B0),
        (0x4BA, 0x4BA),
        (0x4D8, 0x4D8),
        (0x4E8, 0x4E8),
    ],
    second: &[],
};
/// `/^[A-ZČĆĐŠŽ]+$/i`
static P19: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0x106, 0x106),
        (0x10C, 0x10C),
        (0x110, 0x110),
        (0x160, 0x160),
        (0x17D, 0x17D),
    ],
    second: &[],
};
/// `/^[A-ZÁČĎÉÍŇÓŠŤÚÝŽĹŔĽÄÔ]+$/i`
static P20: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC4, 0xC4),
        (0xC9, 0xC9),
        (0xCD, 0xCD),
        (0xD3, 0xD4),
        (0xDA, 0xDA),
        (0xDD, 0xDD),
        (0x10C, 0x10C),
        (0x10E, 0x10E),
        (0x139, 0x139),
        (0x13D, 0x13D),
        (0x147, 0x147),
        (0x154, 0x154),
        (0x160, 0x160),
        (0x164, 0x164),
        (0x17D, 0x17D),
    ],
    second: &[],
};
/// `/^[A-ZČĆŽŠĐ]+$/i`
static P21: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0x106, 0x106),
        (0x10C, 0x10C),
        (0x110, 0x110),
        (0x160, 0x160),
        (0x17D, 0x17D),
    ],
    second: &[],
};
/// `/^[А-ЯЂЈЉЊЋЏ]+$/i`
static P22: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x402, 0x402), (0x408, 0x40B), (0x40F, 0x42F)],
    second: &[],
};
/// `/^[ก-๐\s]+$/i`
static P23: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x9, 0xD),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0xE01, 0xE50),
        (0x1680, 0x1680),
        (0x2000, 0x200A),
        (0x2028, 0x2029),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
    ],
    second: &[],
};
/// `/^[A-ZÇĞİıÖŞÜ]+$/i`
static P24: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC7, 0xC7),
        (0xD6, 0xD6),
        (0xDC, 0xDC),
        (0x11E, 0x11E),
        (0x130, 0x131),
        (0x15E, 0x15E),
    ],
    second: &[],
};
/// `/^[А-ЩЬЮЯЄIЇҐі]+$/i`
static P25: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x49, 0x49),
        (0x404, 0x404),
        (0x407, 0x407),
        (0x410, 0x429),
        (0x42C, 0x42C),
        (0x42E, 0x42F),
        (0x456, 0x456),
        (0x490, 0x490),
    ],
    second: &[],
};
/// `/^[A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴĐÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ]+$/i`
static P26: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x5A),
        (0xC0, 0xC3),
        (0xC8, 0xCA),
        (0xCC, 0xCD),
        (0xD2, 0xD5),
        (0xD9, 0xDA),
        (0xDD, 0xDD),
        (0x102, 0x102),
        (0x110, 0x110),
        (0x128, 0x128),
        (0x168, 0x168),
        (0x1A0, 0x1A0),
        (0x1AF, 0x1AF),
        (0x1EA0, 0x1EA0),
        (0x1EA2, 0x1EA2),
        (0x1EA4, 0x1EA4),
        (0x1EA6, 0x1EA6),
        (0x1EA8, 0x1EA8),
        (0x1EAA, 0x1EAA),
        (0x1EAC, 0x1EAC),
        (0x1EAE, 0x1EAE),
        (0x1EB0, 0x1EB0),
        (0x1EB2, 0x1EB2),
        (0x1EB4, 0x1EB4),
        (0x1EB6, 0x1EB6),
        (0x1EB8, 0x1EB8),
        (0x1EBA, 0x1EBA),
        (0x1EBC, 0x1EBC),
        (0x1EBE, 0x1EBE),
        (0x1EC0, 0x1EC0),
        (0x1EC2, 0x1EC2),
        (0x1EC4, 0x1EC4),
        (0x1EC6, 0x1EC6),
        (0x1EC8, 0x1EC8),
        (0x1ECA, 0x1ECA),
        (0x1ECC, 0x1ECC),
        (0x1ECE, 0x1ECE),
        (0x1ED0, 0x1ED0),
        (0x1ED2, 0x1ED2),
        (0x1ED4, 0x1ED4),
        (0x1ED6, 0x1ED6),
        (0x1ED8, 0x1ED8),
        (0x1EDA, 0x1EDA),
        (0x1EDC, 0x1EDC),
        (0x1EDE, 0x1EDE),
        (0x1EE0, 0x1EE0),
        (0x1EE2, 0x1EE2),
        (0x1EE4, 0x1EE4),
        (0x1EE6, 0x1EE6),
        (0x1EE8, 0x1EE8),
        (0x1EEA, 0x1EEA),
        (0x1EEC, 0x1EEC),
        (0x1EEE, 0x1EEE),
        (0x1EF0, 0x1EF0),
        (0x1EF2, 0x1EF2),
        (0x1EF4, 0x1EF4),
        (0x1EF6, 0x1EF6),
        (0x1EF8, 0x1EF8),
    ],
    second: &[],
};
/// `/^[ㄱ-ㅎㅏ-ㅣ가-힣]*$/`
static P27: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Star,
    first: &[(0x3131, 0x3163), (0xAC00, 0xD7A3)],
    second: &[],
};
/// `/^[ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆھەیێيطؤثآإأكضصةظذ]+$/i`
static P28: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x622, 0x63A),
        (0x641, 0x646),
        (0x648, 0x648),
        (0x64A, 0x64A),
        (0x67E, 0x67E),
        (0x686, 0x686),
        (0x695, 0x695),
        (0x698, 0x698),
        (0x6A4, 0x6A4),
        (0x6A9, 0x6A9),
        (0x6AF, 0x6AF),
        (0x6B5, 0x6B5),
        (0x6BE, 0x6BE),
        (0x6C6, 0x6C6),
        (0x6CC, 0x6CC),
        (0x6CE, 0x6CE),
        (0x6D5, 0x6D5),
    ],
    second: &[],
};
/// `/^[ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰ]+$/`
static P29: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Plus,
    first: &[(0x621, 0x63A), (0x641, 0x652), (0x670, 0x670)],
    second: &[],
};
/// `/^[א-ת]+$/`
static P30: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Plus,
    first: &[(0x5D0, 0x5EA)],
    second: &[],
};
/// `/^['آاءأؤئبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهةی']+$/i`
static P31: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x27, 0x27),
        (0x621, 0x624),
        (0x626, 0x63A),
        (0x641, 0x642),
        (0x644, 0x648),
        (0x67E, 0x67E),
        (0x686, 0x686),
        (0x698, 0x698),
        (0x6A9, 0x6A9),
        (0x6AF, 0x6AF),
        (0x6CC, 0x6CC),
    ],
    second: &[],
};
/// `/^['ঀঁংঃঅআইঈউঊঋঌএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ়ঽািীুূৃৄেৈোৌ্ৎৗড়ঢ়য়ৠৡৢৣৰৱ৲৳৴৵৶৷৸৹৺৻']+$/`
static P32: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Plus,
    first: &[
        (0x27, 0x27),
        (0x980, 0x983),
        (0x985, 0x98C),
        (0x98F, 0x990),
        (0x993, 0x9A8),
        (0x9AA, 0x9B0),
        (0x9B2, 0x9B2),
        (0x9B6, 0x9B9),
        (0x9BC, 0x9C4),
        (0x9C7, 0x9C8),
        (0x9CB, 0x9CE),
        (0x9D7, 0x9D7),
        (0x9DC, 0x9DD),
        (0x9DF, 0x9E3),
        (0x9F0, 0x9FB),
    ],
    second: &[],
};
/// `/^[ABCĈD-GĜHĤIJĴK-PRSŜTUŬVZ]+$/i`
static P33: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x41, 0x50),
        (0x52, 0x56),
        (0x5A, 0x5A),
        (0x108, 0x108),
        (0x11C, 0x11C),
        (0x124, 0x124),
        (0x134, 0x134),
        (0x15C, 0x15C),
        (0x16C, 0x16C),
    ],
    second: &[],
};
/// `/^[\u0900-\u0961]+[\u0972-\u097F]*$/i`
static P34: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::PlusThenStar,
    first: &[(0x900, 0x961)],
    second: &[(0x972, 0x97F)],
};
/// `/^[\u0D80-\u0DFF]+$/`
static P35: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Plus,
    first: &[(0xD80, 0xDFF)],
    second: &[],
};
/// `/^[\u0B80-\u0BFF]+$/i`
static P36: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0xB80, 0xBFF)],
    second: &[],
};
/// `/^[\u0C00-\u0C7F]+$/i`
static P37: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0xC00, 0xC7F)],
    second: &[],
};
/// `/^[\u0C80-\u0CFF]+$/i`
static P38: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0xC80, 0xCFF)],
    second: &[],
};
/// `/^[\u0D00-\u0D7F]+$/i`
static P39: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0xD00, 0xD7F)],
    second: &[],
};
/// `/^[\u0A80-\u0AFF]+$/i`
static P40: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0xA80, 0xAFF)],
    second: &[],
};
/// `/^[\u0A00-\u0A7F]+$/i`
static P41: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0xA00, 0xA7F)],
    second: &[],
};
/// `/^[\u0B00-\u0B7F]+$/i`
static P42: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0xB00, 0xB7F)],
    second: &[],
};
/// `/^[0-9A-Z]+$/i`
static P43: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x41, 0x5A)],
    second: &[],
};
/// `/^[0-9A-VXYZÇƏĞİıÖŞÜ]+$/i`
static P44: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x56),
        (0x58, 0x5A),
        (0xC7, 0xC7),
        (0xD6, 0xD6),
        (0xDC, 0xDC),
        (0x11E, 0x11E),
        (0x130, 0x131),
        (0x15E, 0x15E),
        (0x18F, 0x18F),
    ],
    second: &[],
};
/// `/^[0-9А-Я]+$/i`
static P45: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x410, 0x42F)],
    second: &[],
};
/// `/^[0-9A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]+$/i`
static P46: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC9, 0xC9),
        (0xCD, 0xCD),
        (0xD3, 0xD3),
        (0xDA, 0xDA),
        (0xDD, 0xDD),
        (0x10C, 0x10C),
        (0x10E, 0x10E),
        (0x11A, 0x11A),
        (0x147, 0x147),
        (0x158, 0x158),
        (0x160, 0x160),
        (0x164, 0x164),
        (0x16E, 0x16E),
        (0x17D, 0x17D),
    ],
    second: &[],
};
/// `/^[0-9A-ZÆØÅ]+$/i`
static P47: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x41, 0x5A), (0xC5, 0xC6), (0xD8, 0xD8)],
    second: &[],
};
/// `/^[0-9A-ZÄÖÜß]+$/i`
static P48: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x41, 0x5A), (0xC4, 0xC4), (0xD6, 0xD6), (0xDC, 0xDC), (0xDF, 0xDF)],
    second: &[],
};
/// `/^[0-9Α-ω]+$/i`
static P49: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x391, 0x3C9)],
    second: &[],
};
/// `/^[0-9A-ZÁÉÍÑÓÚÜ]+$/i`
static P50: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC9, 0xC9),
        (0xCD, 0xCD),
        (0xD1, 0xD1),
        (0xD3, 0xD3),
        (0xDA, 0xDA),
        (0xDC, 0xDC),
    ],
    second: &[],
};
/// `/^[0-9A-ZÅÄÖ]+$/i`
static P51: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x41, 0x5A), (0xC4, 0xC5), (0xD6, 0xD6)],
    second: &[],
};
/// `/^[0-9A-ZÀÂÆÇÉÈÊËÏÎÔŒÙÛÜŸ]+$/i`
static P52: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC0, 0xC0),
        (0xC2, 0xC2),
        (0xC6, 0xCB),
        (0xCE, 0xCF),
        (0xD4, 0xD4),
        (0xD9, 0xD9),
        (0xDB, 0xDC),
        (0x152, 0x152),
        (0x178, 0x178),
    ],
    second: &[],
};
/// `/^[0-9A-ZÀÉÈÌÎÓÒÙ]+$/i`
static P53: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC0, 0xC0),
        (0xC8, 0xC9),
        (0xCC, 0xCC),
        (0xCE, 0xCE),
        (0xD2, 0xD3),
        (0xD9, 0xD9),
    ],
    second: &[],
};
/// `/^[0-9０-９ぁ-んァ-ヶｦ-ﾟ一-龠ー・。、]+$/i`
static P54: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x3001, 0x3002),
        (0x3041, 0x3093),
        (0x30A1, 0x30F6),
        (0x30FB, 0x30FC),
        (0x4E00, 0x9FA0),
        (0xFF10, 0xFF19),
        (0xFF66, 0xFF9F),
    ],
    second: &[],
};
/// `/^[0-9A-ZÁÉÍÓÖŐÚÜŰ]+$/i`
static P55: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC9, 0xC9),
        (0xCD, 0xCD),
        (0xD3, 0xD3),
        (0xD6, 0xD6),
        (0xDA, 0xDA),
        (0xDC, 0xDC),
        (0x150, 0x150),
        (0x170, 0x170),
    ],
    second: &[],
};
/// `/^[0-9A-ZÁÉËÏÓÖÜÚ]+$/i`
static P56: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC9, 0xC9),
        (0xCB, 0xCB),
        (0xCF, 0xCF),
        (0xD3, 0xD3),
        (0xD6, 0xD6),
        (0xDA, 0xDA),
        (0xDC, 0xDC),
    ],
    second: &[],
};
/// `/^[0-9A-ZĄĆĘŚŁŃÓŻŹ]+$/i`
static P57: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xD3, 0xD3),
        (0x104, 0x104),
        (0x106, 0x106),
        (0x118, 0x118),
        (0x141, 0x141),
        (0x143, 0x143),
        (0x15A, 0x15A),
        (0x179, 0x179),
        (0x17B, 0x17B),
    ],
    second: &[],
};
/// `/^[0-9A-ZÃÁÀÂÄÇÉÊËÍÏÕÓÔÖÚÜ]+$/i`
static P58: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC0, 0xC4),
        (0xC7, 0xC7),
        (0xC9, 0xCB),
        (0xCD, 0xCD),
        (0xCF, 0xCF),
        (0xD3, 0xD6),
        (0xDA, 0xDA),
        (0xDC, 0xDC),
    ],
    second: &[],
};
/// `/^[0-9А-ЯЁ]+$/i`
static P59: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x401, 0x401), (0x410, 0x42F)],
    second: &[],
};
/// `/^[0-9А-ЯЁ\u04D8\u04B0\u0406\u04A2\u0492\u04AE\u049A\u04E8\u04BA]+$/i`
static P60: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x401, 0x401),
        (0x406, 0x406),
        (0x410, 0x42F),
        (0x492, 0x492),
        (0x49A, 0x49A),
        (0x4A2, 0x4A2),
        (0x4AE, 0x4AE),
        (0x4B0, 0x4B0),
        (0x4BA, 0x4BA),
        (0x4D8, 0x4D8),
        (0x4E8, 0x4E8),
    ],
    second: &[],
};
/// `/^[0-9A-ZČĆĐŠŽ]+$/i`
static P61: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0x106, 0x106),
        (0x10C, 0x10C),
        (0x110, 0x110),
        (0x160, 0x160),
        (0x17D, 0x17D),
    ],
    second: &[],
};
/// `/^[0-9A-ZÁČĎÉÍŇÓŠŤÚÝŽĹŔĽÄÔ]+$/i`
static P62: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC1, 0xC1),
        (0xC4, 0xC4),
        (0xC9, 0xC9),
        (0xCD, 0xCD),
        (0xD3, 0xD4),
        (0xDA, 0xDA),
        (0xDD, 0xDD),
        (0x10C, 0x10C),
        (0x10E, 0x10E),
        (0x139, 0x139),
        (0x13D, 0x13D),
        (0x147, 0x147),
        (0x154, 0x154),
        (0x160, 0x160),
        (0x164, 0x164),
        (0x17D, 0x17D),
    ],
    second: &[],
};
/// `/^[0-9A-ZČĆŽŠĐ]+$/i`
static P63: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0x106, 0x106),
        (0x10C, 0x10C),
        (0x110, 0x110),
        (0x160, 0x160),
        (0x17D, 0x17D),
    ],
    second: &[],
};
/// `/^[0-9А-ЯЂЈЉЊЋЏ]+$/i`
static P64: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x402, 0x402), (0x408, 0x40B), (0x40F, 0x42F)],
    second: &[],
};
/// `/^[ก-๙\s]+$/i`
static P65: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x9, 0xD),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0xE01, 0xE59),
        (0x1680, 0x1680),
        (0x2000, 0x200A),
        (0x2028, 0x2029),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
    ],
    second: &[],
};
/// `/^[0-9A-ZÇĞİıÖŞÜ]+$/i`
static P66: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC7, 0xC7),
        (0xD6, 0xD6),
        (0xDC, 0xDC),
        (0x11E, 0x11E),
        (0x130, 0x131),
        (0x15E, 0x15E),
    ],
    second: &[],
};
/// `/^[0-9А-ЩЬЮЯЄIЇҐі]+$/i`
static P67: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x49, 0x49),
        (0x404, 0x404),
        (0x407, 0x407),
        (0x410, 0x429),
        (0x42C, 0x42C),
        (0x42E, 0x42F),
        (0x456, 0x456),
        (0x490, 0x490),
    ],
    second: &[],
};
/// `/^[0-9ㄱ-ㅎㅏ-ㅣ가-힣]*$/`
static P68: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Star,
    first: &[(0x30, 0x39), (0x3131, 0x3163), (0xAC00, 0xD7A3)],
    second: &[],
};
/// `/^[٠١٢٣٤٥٦٧٨٩0-9ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆھەیێيطؤثآإأكضصةظذ]+$/i`
static P69: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x622, 0x63A),
        (0x641, 0x646),
        (0x648, 0x648),
        (0x64A, 0x64A),
        (0x660, 0x669),
        (0x67E, 0x67E),
        (0x686, 0x686),
        (0x695, 0x695),
        (0x698, 0x698),
        (0x6A4, 0x6A4),
        (0x6A9, 0x6A9),
        (0x6AF, 0x6AF),
        (0x6B5, 0x6B5),
        (0x6BE, 0x6BE),
        (0x6C6, 0x6C6),
        (0x6CC, 0x6CC),
        (0x6CE, 0x6CE),
        (0x6D5, 0x6D5),
    ],
    second: &[],
};
/// `/^[0-9A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴĐÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ]+$/i`
static P70: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x5A),
        (0xC0, 0xC3),
        (0xC8, 0xCA),
        (0xCC, 0xCD),
        (0xD2, 0xD5),
        (0xD9, 0xDA),
        (0xDD, 0xDD),
        (0x102, 0x102),
        (0x110, 0x110),
        (0x128, 0x128),
        (0x168, 0x168),
        (0x1A0, 0x1A0),
        (0x1AF, 0x1AF),
        (0x1EA0, 0x1EA0),
        (0x1EA2, 0x1EA2),
        (0x1EA4, 0x1EA4),
        (0x1EA6, 0x1EA6),
        (0x1EA8, 0x1EA8),
        (0x1EAA, 0x1EAA),
        (0x1EAC, 0x1EAC),
        (0x1EAE, 0x1EAE),
        (0x1EB0, 0x1EB0),
        (0x1EB2, 0x1EB2),
        (0x1EB4, 0x1EB4),
        (0x1EB6, 0x1EB6),
        (0x1EB8, 0x1EB8),
        (0x1EBA, 0x1EBA),
        (0x1EBC, 0x1EBC),
        (0x1EBE, 0x1EBE),
        (0x1EC0, 0x1EC0),
        (0x1EC2, 0x1EC2),
        (0x1EC4, 0x1EC4),
        (0x1EC6, 0x1EC6),
        (0x1EC8, 0x1EC8),
        (0x1ECA, 0x1ECA),
        (0x1ECC, 0x1ECC),
        (0x1ECE, 0x1ECE),
        (0x1ED0, 0x1ED0),
        (0x1ED2, 0x1ED2),
        (0x1ED4, 0x1ED4),
        (0x1ED6, 0x1ED6),
        (0x1ED8, 0x1ED8),
        (0x1EDA, 0x1EDA),
        (0x1EDC, 0x1EDC),
        (0x1EDE, 0x1EDE),
        (0x1EE0, 0x1EE0),
        (0x1EE2, 0x1EE2),
        (0x1EE4, 0x1EE4),
        (0x1EE6, 0x1EE6),
        (0x1EE8, 0x1EE8),
        (0x1EEA, 0x1EEA),
        (0x1EEC, 0x1EEC),
        (0x1EEE, 0x1EEE),
        (0x1EF0, 0x1EF0),
        (0x1EF2, 0x1EF2),
        (0x1EF4, 0x1EF4),
        (0x1EF6, 0x1EF6),
        (0x1EF8, 0x1EF8),
    ],
    second: &[],
};
/// `/^[٠١٢٣٤٥٦٧٨٩0-9ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰ]+$/`
static P71: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x621, 0x63A), (0x641, 0x652), (0x660, 0x669), (0x670, 0x670)],
    second: &[],
};
/// `/^[0-9א-ת]+$/`
static P72: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0x5D0, 0x5EA)],
    second: &[],
};
/// `/^['0-9آاءأؤئبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهةی۱۲۳۴۵۶۷۸۹۰']+$/i`
static P73: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x27, 0x27),
        (0x30, 0x39),
        (0x621, 0x624),
        (0x626, 0x63A),
        (0x641, 0x642),
        (0x644, 0x648),
        (0x67E, 0x67E),
        (0x686, 0x686),
        (0x698, 0x698),
        (0x6A9, 0x6A9),
        (0x6AF, 0x6AF),
        (0x6CC, 0x6CC),
        (0x6F0, 0x6F9),
    ],
    second: &[],
};
/// `/^['ঀঁংঃঅআইঈউঊঋঌএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ়ঽািীুূৃৄেৈোৌ্ৎৗড়ঢ়য়ৠৡৢৣ০১২৩৪৫৬৭৮৯ৰৱ৲৳৴৵৶৷৸৹৺৻']+$/`
static P74: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Plus,
    first: &[
        (0x27, 0x27),
        (0x980, 0x983),
        (0x985, 0x98C),
        (0x98F, 0x990),
        (0x993, 0x9A8),
        (0x9AA, 0x9B0),
        (0x9B2, 0x9B2),
        (0x9B6, 0x9B9),
        (0x9BC, 0x9C4),
        (0x9C7, 0x9C8),
        (0x9CB, 0x9CE),
        (0x9D7, 0x9D7),
        (0x9DC, 0x9DD),
        (0x9DF, 0x9E3),
        (0x9E6, 0x9FB),
    ],
    second: &[],
};
/// `/^[0-9ABCĈD-GĜHĤIJĴK-PRSŜTUŬVZ]+$/i`
static P75: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[
        (0x30, 0x39),
        (0x41, 0x50),
        (0x52, 0x56),
        (0x5A, 0x5A),
        (0x108, 0x108),
        (0x11C, 0x11C),
        (0x124, 0x124),
        (0x134, 0x134),
        (0x15C, 0x15C),
        (0x16C, 0x16C),
    ],
    second: &[],
};
/// `/^[\u0900-\u0963]+[\u0966-\u097F]*$/i`
static P76: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::PlusThenStar,
    first: &[(0x900, 0x963)],
    second: &[(0x966, 0x97F)],
};
/// `/^[0-9\u0D80-\u0DFF]+$/`
static P77: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: false,
    kind: Kind::Plus,
    first: &[(0x30, 0x39), (0xD80, 0xDFF)],
    second: &[],
};
/// `/^[0-9\u0B80-\u0BFF.]+$/i`
static P78: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x2E, 0x2E), (0x30, 0x39), (0xB80, 0xBFF)],
    second: &[],
};
/// `/^[0-9\u0C00-\u0C7F.]+$/i`
static P79: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x2E, 0x2E), (0x30, 0x39), (0xC00, 0xC7F)],
    second: &[],
};
/// `/^[0-9\u0C80-\u0CFF.]+$/i`
static P80: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x2E, 0x2E), (0x30, 0x39), (0xC80, 0xCFF)],
    second: &[],
};
/// `/^[0-9\u0D00-\u0D7F.]+$/i`
static P81: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x2E, 0x2E), (0x30, 0x39), (0xD00, 0xD7F)],
    second: &[],
};
/// `/^[0-9\u0A80-\u0AFF.]+$/i`
static P82: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x2E, 0x2E), (0x30, 0x39), (0xA80, 0xAFF)],
    second: &[],
};
/// `/^[0-9\u0A00-\u0A7F.]+$/i`
static P83: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x2E, 0x2E), (0x30, 0x39), (0xA00, 0xA7F)],
    second: &[],
};
/// `/^[0-9\u0B00-\u0B7F.]+$/i`
static P84: Pattern = Pattern {
    cache: OnceLock::new(),
    case_insensitive: true,
    kind: Kind::Plus,
    first: &[(0x2E, 0x2E), (0x30, 0x39), (0xB00, 0xB7F)],
    second: &[],
};

/// validator.js `alpha` locales.
pub(crate) const ALPHA: &[(&str, &Pattern)] = &[
    ("en-US", &P0),
    ("az-AZ", &P1),
    ("bg-BG", &P2),
    ("cs-CZ", &P3),
    ("da-DK", &P4),
    ("de-DE", &P5),
    ("el-GR", &P6),
    ("es-ES", &P7),
    ("fa-IR", &P8),
    ("fi-FI", &P9),
    ("fr-FR", &P10),
    ("it-IT", &P11),
    ("ja-JP", &P12),
    ("nb-NO", &P4),
    ("nl-NL", &P13),
    ("nn-NO", &P4),
    ("hu-HU", &P14),
    ("pl-PL", &P15),
    ("pt-PT", &P16),
    ("ru-RU", &P17),
    ("kk-KZ", &P18),
    ("sl-SI", &P19),
    ("sk-SK", &P20),
    ("sr-RS@latin", &P21),
    ("sr-RS", &P22),
    ("sv-SE", &P9),
    ("th-TH", &P23),
    ("tr-TR", &P24),
    ("uk-UA", &P25),
    ("vi-VN", &P26),
    ("ko-KR", &P27),
    ("ku-IQ", &P28),
    ("ar", &P29),
    ("he", &P30),
    ("fa", &P31),
    ("bn", &P32),
    ("eo", &P33),
    ("hi-IN", &P34),
    ("si-LK", &P35),
    ("ta-IN", &P36),
    ("te-IN", &P37),
    ("kn-IN", &P38),
    ("ml-IN", &P39),
    ("gu-IN", &P40),
    ("pa-IN", &P41),
    ("or-IN", &P42),
    ("en-AU", &P0),
    ("en-GB", &P0),
    ("en-HK", &P0),
    ("en-IN", &P0),
    ("en-NZ", &P0),
    ("en-ZA", &P0),
    ("en-ZM", &P0),
    ("ar-AE", &P29),
    ("ar-BH", &P29),
    ("ar-DZ", &P29),
    ("ar-EG", &P29),
    ("ar-IQ", &P29),
    ("ar-JO", &P29),
    ("ar-KW", &P29),
    ("ar-LB", &P29),
    ("ar-LY", &P29),
    ("ar-MA", &P29),
    ("ar-QM", &P29),
    ("ar-QA", &P29),
    ("ar-SA", &P29),
    ("ar-SD", &P29),
    ("ar-SY", &P29),
    ("ar-TN", &P29),
    ("ar-YE", &P29),
    ("bn-BD", &P32),
    ("bn-IN", &P32),
    ("fr-CA", &P10),
    ("pt-BR", &P16),
    ("pl-Pl", &P15),
    ("fa-AF", &P31),
];

/// validator.js `alphanumeric` locales.
pub(crate) const ALPHANUMERIC: &[(&str, &Pattern)] = &[
    ("en-US", &P43),
    ("az-AZ", &P44),
    ("bg-BG", &P45),
    ("cs-CZ", &P46),
    ("da-DK", &P47),
    ("de-DE", &P48),
    ("el-GR", &P49),
    ("es-ES", &P50),
    ("fi-FI", &P51),
    ("fr-FR", &P52),
    ("it-IT", &P53),
    ("ja-JP", &P54),
    ("hu-HU", &P55),
    ("nb-NO", &P47),
    ("nl-NL", &P56),
    ("nn-NO", &P47),
    ("pl-PL", &P57),
    ("pt-PT", &P58),
    ("ru-RU", &P59),
    ("kk-KZ", &P60),
    ("sl-SI", &P61),
    ("sk-SK", &P62),
    ("sr-RS@latin", &P63),
    ("sr-RS", &P64),
    ("sv-SE", &P51),
    ("th-TH", &P65),
    ("tr-TR", &P66),
    ("uk-UA", &P67),
    ("ko-KR", &P68),
    ("ku-IQ", &P69),
    ("vi-VN", &P70),
    ("ar", &P71),
    ("he", &P72),
    ("fa", &P73),
    ("bn", &P74),
    ("eo", &P75),
    ("hi-IN", &P76),
    ("si-LK", &P77),
    ("ta-IN", &P78),
    ("te-IN", &P79),
    ("kn-IN", &P80),
    ("ml-IN", &P81),
    ("gu-IN", &P82),
    ("pa-IN", &P83),
    ("or-IN", &P84),
    ("en-AU", &P43),
    ("en-GB", &P43),
    ("en-HK", &P43),
    ("en-IN", &P43),
    ("en-NZ", &P43),
    ("en-ZA", &P43),
    ("en-ZM", &P43),
    ("ar-AE", &P71),
    ("ar-BH", &P71),
    ("ar-DZ", &P71),
    ("ar-EG", &P71),
    ("ar-IQ", &P71),
    ("ar-JO", &P71),
    ("ar-KW", &P71),
    ("ar-LB", &P71),
    ("ar-LY", &P71),
    ("ar-MA", &P71),
    ("ar-QM", &P71),
    ("ar-QA", &P71),
    ("ar-SA", &P71),
    ("ar-SD", &P71),
    ("ar-SY", &P71),
    ("ar-TN", &P71),
    ("ar-YE", &P71),
    ("fa-IR", &P73),
    ("fa-AF", &P73),
    ("bn-BD", &P74),
    ("bn-IN", &P74),
    ("fr-CA", &P52),
    ("pt-BR", &P58),
    ("pl-Pl", &P57),
];

/// validator.js `decimal` separators per locale.
pub(crate) const DECIMAL: &[(&str, char)] = &[
    ("en-US", '.'),
    ("ar", '٫'),
    ("en-AU", '.'),
    ("en-GB", '.'),
    ("en-HK", '.'),
    ("en-IN", '.'),
    ("en-NZ", '.'),
    ("en-ZA", '.'),
    ("en-ZM", ','),
    ("ar-AE", '٫'),
    ("ar-BH", '٫'),
    ("ar-DZ", '٫'),
    ("ar-EG", '.'),
    ("ar-IQ", '٫'),
    ("ar-JO", '٫'),
    ("ar-KW", '٫'),
    ("ar-LB", '.'),
    ("ar-LY", '.'),
    ("ar-MA", '٫'),
    ("ar-QM", '٫'),
    ("ar-QA", '٫'),
    ("ar-SA", '٫'),
    ("ar-SD", '٫'),
    ("ar-SY", '٫'),
    ("ar-TN", '٫'),
    ("ar-YE", '٫'),
    ("fa-IR", '٫'),
    ("fa-AF", '٫'),
    ("bn-BD", '.'),
    ("bn-IN", '.'),
    ("bg-BG", ','),
    ("cs-CZ", ','),
    ("da-DK", ','),
    ("de-DE", ','),
    ("el-GR", ','),
    ("eo", ','),
    ("es-ES", ','),
    ("fr-CA", ','),
    ("fr-FR", ','),
    ("gu-IN", ','),
    ("hi-IN", ','),
    ("hu-HU", ','),
    ("id-ID", ','),
    ("it-IT", ','),
    ("kk-KZ", ','),
    ("kn-IN", ','),
    ("ku-IQ", ','),
    ("ml-IN", ','),
    ("nb-NO", ','),
    ("nl-NL", ','),
    ("nn-NO", ','),
    ("or-IN", ','),
    ("pa-IN", ','),
    ("pl-PL", ','),
    ("pt-PT", ','),
    ("ru-RU", ','),
    ("si-LK", ','),
    ("sl-SI", ','),
    ("sr-RS", ','),
    ("sr-RS@latin", ','),
    ("sv-SE", ','),
    ("ta-IN", ','),
    ("te-IN", ','),
    ("tr-TR", ','),
    ("uk-UA", ','),
    ("vi-VN", ','),
    ("pt-BR", ','),
    ("pl-Pl", ','),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(table: &[(&'static str, &'static Pattern)], locale: &str) -> &'static Pattern {
        match find(table, locale) {
            Some(p) => p,
            None => panic!("no locale {locale}"),
        }
    }

    #[test]
    fn case_insensitive_classes_follow_js_canonicalization() {
        let en = pattern(ALPHA, "en-US");
        assert!(en.matches("abcXYZ") && !en.matches("") && !en.matches("a1"));
        // JS: /[A-Z]/i matches neither the long s nor the Kelvin sign.
        assert!(!en.contains_unit(0x17F) && !en.contains_unit(0x212A));
        // µ (U+00B5) uppercases to Greek capital Mu, inside [Α-ώ].
        assert!(pattern(ALPHA, "el-GR").contains_unit(0xB5));
        assert!(pattern(ALPHA, "tr-TR").matches("İıiIçÇ"));
        assert!(pattern(ALPHA, "ko-KR").matches(""));
        let hi = pattern(ALPHA, "hi-IN");
        assert!(
            hi.matches("\u{905}\u{972}") && !hi.matches("\u{972}") && !hi.matches("\u{972}\u{905}")
        );
        let de = pattern(ALPHANUMERIC, "de-DE");
        assert!(de.matches("Straße42") && !de.matches("😀"));
        assert_eq!(find(DECIMAL, "de-DE"), Some(','));
        assert_eq!(find(DECIMAL, "ar"), Some('٫'));
        assert!(ALPHA.len() > 60 && ALPHANUMERIC.len() > 60);
    }
}
