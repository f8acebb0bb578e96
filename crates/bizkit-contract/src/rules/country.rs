//! Countries: ISO 3166-1 officially assigned codes.

use core::fmt;

use super::{parse_impls, required};
use crate::ErrorCode;
#[cfg(feature = "names")]
use crate::messages::Lang;

/// Splits one table of `(alpha-2, numeric, English name, Czech name)` rows into the codes, which
/// parsing needs everywhere, and the names, which only a build with the `names` feature carries: the
/// app takes its names from the browser (`Intl.DisplayNames`), so the wasm has no use for ~500
/// strings. One table keeps each name on the row of its code.
macro_rules! country_table {
    ($(($a2:literal, $numeric:literal, $en:literal, $cs:literal $(,)?)),* $(,)?) => {
        /// `(alpha-2, numeric)`, sorted by alpha-2.
        static COUNTRIES: &[(&str, u16)] = &[$(($a2, $numeric)),*];
        /// `(English name, Czech name)`, row for row with `COUNTRIES`.
        #[cfg(feature = "names")]
        static NAMES: &[(&str, &str)] = &[$(($en, $cs)),*];
    };
}

// `(alpha-2, numeric, English name, Czech name)`, sorted by alpha-2.
// Officially assigned codes only (no user-assigned `XK`, no reserved `UK`/`EU`).
country_table! {
    ("AD", 20, "Andorra", "Andorra"),
    ("AE", 784, "United Arab Emirates", "Spojené arabské emiráty"),
    ("AF", 4, "Afghanistan", "Afghánistán"),
    ("AG", 28, "Antigua and Barbuda", "Antigua a Barbuda"),
    ("AI", 660, "Anguilla", "Anguilla"),
    ("AL", 8, "Albania", "Albánie"),
    ("AM", 51, "Armenia", "Arménie"),
    ("AO", 24, "Angola", "Angola"),
    ("AQ", 10, "Antarctica", "Antarktida"),
    ("AR", 32, "Argentina", "Argentina"),
    ("AS", 16, "American Samoa", "Americká Samoa"),
    ("AT", 40, "Austria", "Rakousko"),
    ("AU", 36, "Australia", "Austrálie"),
    ("AW", 533, "Aruba", "Aruba"),
    ("AX", 248, "Åland Islands", "Alandy"),
    ("AZ", 31, "Azerbaijan", "Ázerbájdžán"),
    ("BA", 70, "Bosnia and Herzegovina", "Bosna a Hercegovina"),
    ("BB", 52, "Barbados", "Barbados"),
    ("BD", 50, "Bangladesh", "Bangladéš"),
    ("BE", 56, "Belgium", "Belgie"),
    ("BF", 854, "Burkina Faso", "Burkina Faso"),
    ("BG", 100, "Bulgaria", "Bulharsko"),
    ("BH", 48, "Bahrain", "Bahrajn"),
    ("BI", 108, "Burundi", "Burundi"),
    ("BJ", 204, "Benin", "Benin"),
    ("BL", 652, "Saint Barthélemy", "Svatý Bartoloměj"),
    ("BM", 60, "Bermuda", "Bermudy"),
    ("BN", 96, "Brunei Darussalam", "Brunej"),
    ("BO", 68, "Bolivia", "Bolívie"),
    (
        "BQ",
        535,
        "Bonaire, Sint Eustatius and Saba",
        "Karibské Nizozemsko",
    ),
    ("BR", 76, "Brazil", "Brazílie"),
    ("BS", 44, "Bahamas", "Bahamy"),
    ("BT", 64, "Bhutan", "Bhútán"),
    ("BV", 74, "Bouvet Island", "Bouvetův ostrov"),
    ("BW", 72, "Botswana", "Botswana"),
    ("BY", 112, "Belarus", "Bělorusko"),
    ("BZ", 84, "Belize", "Belize"),
    ("CA", 124, "Canada", "Kanada"),
    ("CC", 166, "Cocos (Keeling) Islands", "Kokosové ostrovy"),
    (
        "CD",
        180,
        "Congo (Democratic Republic)",
        "Demokratická republika Kongo",
    ),
    (
        "CF",
        140,
        "Central African Republic",
        "Středoafrická republika",
    ),
    ("CG", 178, "Congo", "Kongo"),
    ("CH", 756, "Switzerland", "Švýcarsko"),
    ("CI", 384, "Côte d'Ivoire", "Pobřeží slonoviny"),
    ("CK", 184, "Cook Islands", "Cookovy ostrovy"),
    ("CL", 152, "Chile", "Chile"),
    ("CM", 120, "Cameroon", "Kamerun"),
    ("CN", 156, "China", "Čína"),
    ("CO", 170, "Colombia", "Kolumbie"),
    ("CR", 188, "Costa Rica", "Kostarika"),
    ("CU", 192, "Cuba", "Kuba"),
    ("CV", 132, "Cabo Verde", "Kapverdy"),
    ("CW", 531, "Curaçao", "Curaçao"),
    ("CX", 162, "Christmas Island", "Vánoční ostrov"),
    ("CY", 196, "Cyprus", "Kypr"),
    ("CZ", 203, "Czechia", "Česko"),
    ("DE", 276, "Germany", "Německo"),
    ("DJ", 262, "Djibouti", "Džibutsko"),
    ("DK", 208, "Denmark", "Dánsko"),
    ("DM", 212, "Dominica", "Dominika"),
    ("DO", 214, "Dominican Republic", "Dominikánská republika"),
    ("DZ", 12, "Algeria", "Alžírsko"),
    ("EC", 218, "Ecuador", "Ekvádor"),
    ("EE", 233, "Estonia", "Estonsko"),
    ("EG", 818, "Egypt", "Egypt"),
    ("EH", 732, "Western Sahara", "Západní Sahara"),
    ("ER", 232, "Eritrea", "Eritrea"),
    ("ES", 724, "Spain", "Španělsko"),
    ("ET", 231, "Ethiopia", "Etiopie"),
    ("FI", 246, "Finland", "Finsko"),
    ("FJ", 242, "Fiji", "Fidži"),
    ("FK", 238, "Falkland Islands", "Falklandy"),
    ("FM", 583, "Micronesia", "Mikronésie"),
    ("FO", 234, "Faroe Islands", "Faerské ostrovy"),
    ("FR", 250, "France", "Francie"),
    ("GA", 266, "Gabon", "Gabon"),
    ("GB", 826, "United Kingdom", "Spojené království"),
    ("GD", 308, "Grenada", "Grenada"),
    ("GE", 268, "Georgia", "Gruzie"),
    ("GF", 254, "French Guiana", "Francouzská Guyana"),
    ("GG", 831, "Guernsey", "Guernsey"),
    ("GH", 288, "Ghana", "Ghana"),
    ("GI", 292, "Gibraltar", "Gibraltar"),
    ("GL", 304, "Greenland", "Grónsko"),
    ("GM", 270, "Gambia", "Gambie"),
    ("GN", 324, "Guinea", "Guinea"),
    ("GP", 312, "Guadeloupe", "Guadeloupe"),
    ("GQ", 226, "Equatorial Guinea", "Rovníková Guinea"),
    ("GR", 300, "Greece", "Řecko"),
    (
        "GS",
        239,
        "South Georgia and the South Sandwich Islands",
        "Jižní Georgie a Jižní Sandwichovy ostrovy",
    ),
    ("GT", 320, "Guatemala", "Guatemala"),
    ("GU", 316, "Guam", "Guam"),
    ("GW", 624, "Guinea-Bissau", "Guinea-Bissau"),
    ("GY", 328, "Guyana", "Guyana"),
    ("HK", 344, "Hong Kong", "Hongkong"),
    (
        "HM",
        334,
        "Heard Island and McDonald Islands",
        "Heardův ostrov a McDonaldovy ostrovy",
    ),
    ("HN", 340, "Honduras", "Honduras"),
    ("HR", 191, "Croatia", "Chorvatsko"),
    ("HT", 332, "Haiti", "Haiti"),
    ("HU", 348, "Hungary", "Maďarsko"),
    ("ID", 360, "Indonesia", "Indonésie"),
    ("IE", 372, "Ireland", "Irsko"),
    ("IL", 376, "Israel", "Izrael"),
    ("IM", 833, "Isle of Man", "Ostrov Man"),
    ("IN", 356, "India", "Indie"),
    (
        "IO",
        86,
        "British Indian Ocean Territory",
        "Britské indickooceánské území",
    ),
    ("IQ", 368, "Iraq", "Irák"),
    ("IR", 364, "Iran", "Írán"),
    ("IS", 352, "Iceland", "Island"),
    ("IT", 380, "Italy", "Itálie"),
    ("JE", 832, "Jersey", "Jersey"),
    ("JM", 388, "Jamaica", "Jamajka"),
    ("JO", 400, "Jordan", "Jordánsko"),
    ("JP", 392, "Japan", "Japonsko"),
    ("KE", 404, "Kenya", "Keňa"),
    ("KG", 417, "Kyrgyzstan", "Kyrgyzstán"),
    ("KH", 116, "Cambodia", "Kambodža"),
    ("KI", 296, "Kiribati", "Kiribati"),
    ("KM", 174, "Comoros", "Komory"),
    ("KN", 659, "Saint Kitts and Nevis", "Svatý Kryštof a Nevis"),
    ("KP", 408, "North Korea", "Severní Korea"),
    ("KR", 410, "South Korea", "Jižní Korea"),
    ("KW", 414, "Kuwait", "Kuvajt"),
    ("KY", 136, "Cayman Islands", "Kajmanské ostrovy"),
    ("KZ", 398, "Kazakhstan", "Kazachstán"),
    ("LA", 418, "Laos", "Laos"),
    ("LB", 422, "Lebanon", "Libanon"),
    ("LC", 662, "Saint Lucia", "Svatá Lucie"),
    ("LI", 438, "Liechtenstein", "Lichtenštejnsko"),
    ("LK", 144, "Sri Lanka", "Srí Lanka"),
    ("LR", 430, "Liberia", "Libérie"),
    ("LS", 426, "Lesotho", "Lesotho"),
    ("LT", 440, "Lithuania", "Litva"),
    ("LU", 442, "Luxembourg", "Lucembursko"),
    ("LV", 428, "Latvia", "Lotyšsko"),
    ("LY", 434, "Libya", "Libye"),
    ("MA", 504, "Morocco", "Maroko"),
    ("MC", 492, "Monaco", "Monako"),
    ("MD", 498, "Moldova", "Moldavsko"),
    ("ME", 499, "Montenegro", "Černá Hora"),
    (
        "MF",
        663,
        "Saint Martin (French part)",
        "Svatý Martin (francouzská část)",
    ),
    ("MG", 450, "Madagascar", "Madagaskar"),
    ("MH", 584, "Marshall Islands", "Marshallovy ostrovy"),
    ("MK", 807, "North Macedonia", "Severní Makedonie"),
    ("ML", 466, "Mali", "Mali"),
    ("MM", 104, "Myanmar", "Myanmar"),
    ("MN", 496, "Mongolia", "Mongolsko"),
    ("MO", 446, "Macao", "Macao"),
    ("MP", 580, "Northern Mariana Islands", "Severní Mariany"),
    ("MQ", 474, "Martinique", "Martinik"),
    ("MR", 478, "Mauritania", "Mauritánie"),
    ("MS", 500, "Montserrat", "Montserrat"),
    ("MT", 470, "Malta", "Malta"),
    ("MU", 480, "Mauritius", "Mauricius"),
    ("MV", 462, "Maldives", "Maledivy"),
    ("MW", 454, "Malawi", "Malawi"),
    ("MX", 484, "Mexico", "Mexiko"),
    ("MY", 458, "Malaysia", "Malajsie"),
    ("MZ", 508, "Mozambique", "Mosambik"),
    ("NA", 516, "Namibia", "Namibie"),
    ("NC", 540, "New Caledonia", "Nová Kaledonie"),
    ("NE", 562, "Niger", "Niger"),
    ("NF", 574, "Norfolk Island", "Norfolk"),
    ("NG", 566, "Nigeria", "Nigérie"),
    ("NI", 558, "Nicaragua", "Nikaragua"),
    ("NL", 528, "Netherlands", "Nizozemsko"),
    ("NO", 578, "Norway", "Norsko"),
    ("NP", 524, "Nepal", "Nepál"),
    ("NR", 520, "Nauru", "Nauru"),
    ("NU", 570, "Niue", "Niue"),
    ("NZ", 554, "New Zealand", "Nový Zéland"),
    ("OM", 512, "Oman", "Omán"),
    ("PA", 591, "Panama", "Panama"),
    ("PE", 604, "Peru", "Peru"),
    ("PF", 258, "French Polynesia", "Francouzská Polynésie"),
    ("PG", 598, "Papua New Guinea", "Papua Nová Guinea"),
    ("PH", 608, "Philippines", "Filipíny"),
    ("PK", 586, "Pakistan", "Pákistán"),
    ("PL", 616, "Poland", "Polsko"),
    (
        "PM",
        666,
        "Saint Pierre and Miquelon",
        "Saint-Pierre a Miquelon",
    ),
    ("PN", 612, "Pitcairn", "Pitcairnovy ostrovy"),
    ("PR", 630, "Puerto Rico", "Portoriko"),
    ("PS", 275, "Palestine", "Palestina"),
    ("PT", 620, "Portugal", "Portugalsko"),
    ("PW", 585, "Palau", "Palau"),
    ("PY", 600, "Paraguay", "Paraguay"),
    ("QA", 634, "Qatar", "Katar"),
    ("RE", 638, "Réunion", "Réunion"),
    ("RO", 642, "Romania", "Rumunsko"),
    ("RS", 688, "Serbia", "Srbsko"),
    ("RU", 643, "Russian Federation", "Rusko"),
    ("RW", 646, "Rwanda", "Rwanda"),
    ("SA", 682, "Saudi Arabia", "Saúdská Arábie"),
    ("SB", 90, "Solomon Islands", "Šalamounovy ostrovy"),
    ("SC", 690, "Seychelles", "Seychely"),
    ("SD", 729, "Sudan", "Súdán"),
    ("SE", 752, "Sweden", "Švédsko"),
    ("SG", 702, "Singapore", "Singapur"),
    (
        "SH",
        654,
        "Saint Helena, Ascension and Tristan da Cunha",
        "Svatá Helena, Ascension a Tristan da Cunha",
    ),
    ("SI", 705, "Slovenia", "Slovinsko"),
    ("SJ", 744, "Svalbard and Jan Mayen", "Špicberky a Jan Mayen"),
    ("SK", 703, "Slovakia", "Slovensko"),
    ("SL", 694, "Sierra Leone", "Sierra Leone"),
    ("SM", 674, "San Marino", "San Marino"),
    ("SN", 686, "Senegal", "Senegal"),
    ("SO", 706, "Somalia", "Somálsko"),
    ("SR", 740, "Suriname", "Surinam"),
    ("SS", 728, "South Sudan", "Jižní Súdán"),
    (
        "ST",
        678,
        "Sao Tome and Principe",
        "Svatý Tomáš a Princův ostrov",
    ),
    ("SV", 222, "El Salvador", "Salvador"),
    (
        "SX",
        534,
        "Sint Maarten (Dutch part)",
        "Svatý Martin (nizozemská část)",
    ),
    ("SY", 760, "Syria", "Sýrie"),
    ("SZ", 748, "Eswatini", "Eswatini"),
    ("TC", 796, "Turks and Caicos Islands", "Turks a Caicos"),
    ("TD", 148, "Chad", "Čad"),
    (
        "TF",
        260,
        "French Southern Territories",
        "Francouzská jižní a antarktická území",
    ),
    ("TG", 768, "Togo", "Togo"),
    ("TH", 764, "Thailand", "Thajsko"),
    ("TJ", 762, "Tajikistan", "Tádžikistán"),
    ("TK", 772, "Tokelau", "Tokelau"),
    ("TL", 626, "Timor-Leste", "Východní Timor"),
    ("TM", 795, "Turkmenistan", "Turkmenistán"),
    ("TN", 788, "Tunisia", "Tunisko"),
    ("TO", 776, "Tonga", "Tonga"),
    ("TR", 792, "Türkiye", "Turecko"),
    ("TT", 780, "Trinidad and Tobago", "Trinidad a Tobago"),
    ("TV", 798, "Tuvalu", "Tuvalu"),
    ("TW", 158, "Taiwan", "Tchaj-wan"),
    ("TZ", 834, "Tanzania", "Tanzanie"),
    ("UA", 804, "Ukraine", "Ukrajina"),
    ("UG", 800, "Uganda", "Uganda"),
    (
        "UM",
        581,
        "United States Minor Outlying Islands",
        "Menší odlehlé ostrovy USA",
    ),
    (
        "US",
        840,
        "United States of America",
        "Spojené státy americké",
    ),
    ("UY", 858, "Uruguay", "Uruguay"),
    ("UZ", 860, "Uzbekistan", "Uzbekistán"),
    ("VA", 336, "Holy See", "Vatikán"),
    (
        "VC",
        670,
        "Saint Vincent and the Grenadines",
        "Svatý Vincenc a Grenadiny",
    ),
    ("VE", 862, "Venezuela", "Venezuela"),
    (
        "VG",
        92,
        "Virgin Islands (British)",
        "Britské Panenské ostrovy",
    ),
    (
        "VI",
        850,
        "Virgin Islands (U.S.)",
        "Americké Panenské ostrovy",
    ),
    ("VN", 704, "Viet Nam", "Vietnam"),
    ("VU", 548, "Vanuatu", "Vanuatu"),
    ("WF", 876, "Wallis and Futuna", "Wallis a Futuna"),
    ("WS", 882, "Samoa", "Samoa"),
    ("YE", 887, "Yemen", "Jemen"),
    ("YT", 175, "Mayotte", "Mayotte"),
    ("ZA", 710, "South Africa", "Jihoafrická republika"),
    ("ZM", 894, "Zambia", "Zambie"),
    ("ZW", 716, "Zimbabwe", "Zimbabwe"),
}

/// Every officially assigned ISO 3166-1 country: `(alpha-2, numeric)`, sorted by alpha-2.
pub fn countries() -> &'static [(&'static str, u16)] {
    COUNTRIES
}

/// A country by its ISO 3166-1 alpha-2 code, normal form upper-case: `CZ`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(u8);

parse_impls!(Country);

impl Country {
    /// Parses an alpha-2 code, any case, surrounding spaces ignored.
    pub fn parse(input: &str) -> Result<Country, ErrorCode> {
        let s = required(input)?;
        if s.len() != 2 {
            return Err(ErrorCode::CountryUnknown);
        }
        let upper = s.to_ascii_uppercase();
        COUNTRIES
            .binary_search_by(|(a2, ..)| (*a2).cmp(upper.as_str()))
            .ok()
            .and_then(|i| u8::try_from(i).ok())
            .map(Country)
            .ok_or(ErrorCode::CountryUnknown)
    }

    /// The country with this ISO 3166-1 numeric code (CZ 203, SK 703, …).
    pub fn from_numeric(numeric: u16) -> Option<Country> {
        COUNTRIES
            .iter()
            .position(|(_, n, ..)| *n == numeric)
            .and_then(|i| u8::try_from(i).ok())
            .map(Country)
    }

    fn row(self) -> (&'static str, u16) {
        COUNTRIES
            .get(usize::from(self.0))
            .copied()
            .unwrap_or(("ZZ", 0))
    }

    /// The alpha-2 code, e.g. `CZ`.
    pub fn as_str(&self) -> &'static str {
        self.row().0
    }

    /// The ISO 3166-1 numeric code, e.g. 203.
    pub fn numeric(&self) -> u16 {
        self.row().1
    }

    /// The English and Czech short names. The server answers the English one; the app names
    /// countries through the browser instead.
    #[cfg(feature = "names")]
    fn names(self) -> (&'static str, &'static str) {
        NAMES.get(usize::from(self.0)).copied().unwrap_or(("", ""))
    }

    /// The English short name.
    #[cfg(feature = "names")]
    pub fn name_en(&self) -> &'static str {
        self.names().0
    }

    /// The Czech short name.
    #[cfg(feature = "names")]
    pub fn name_cs(&self) -> &'static str {
        self.names().1
    }

    /// The short name in `lang`.
    #[cfg(feature = "names")]
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Cs => self.name_cs(),
            Lang::En => self.name_en(),
        }
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.as_str())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Country {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl serde::Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
