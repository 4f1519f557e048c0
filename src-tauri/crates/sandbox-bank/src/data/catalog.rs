//! The Slovak world the generated entries come from: shops, billers, employers, people, and
//! how often each kind of payment happens.

/// A card acceptor: the name on the statement and its town.
#[derive(Debug)]
pub(crate) struct Merchant {
    pub name: &'static str,
    pub town: &'static str,
}

/// Someone with a Slovak account: a biller, an employer or a person.
#[derive(Debug)]
pub(crate) struct Party {
    pub name: &'static str,
    pub bank_code: u16,
    pub account: u64,
}

/// A regular bill: who is paid, what for, and the constant symbol used.
#[derive(Debug)]
pub(crate) struct Bill {
    pub payee: Party,
    pub purpose: &'static str,
    pub constant_symbol: &'static str,
}

/// What a generated entry drawn at random is; what falls on a fixed day of the month is a
/// [`super::schedule::Slot`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    Groceries,
    Fuel,
    Dining,
    Online,
    Pharmacy,
    Transport,
    CashWithdrawal,
    OccasionalBill,
    FromFriend,
    ToFriend,
    RoundUp,
}

/// How often a purpose occurs (relative weight) and its amount range; `credit` is money in.
#[derive(Debug)]
pub(crate) struct Template {
    pub purpose: Purpose,
    pub weight: u64,
    pub low_cents: i64,
    pub high_cents: i64,
    pub credit: bool,
}

const fn template(
    purpose: Purpose,
    weight: u64,
    low_cents: i64,
    high_cents: i64,
    credit: bool,
) -> Template {
    Template {
        purpose,
        weight,
        low_cents,
        high_cents,
        credit,
    }
}

/// A current account's days between the salary and the bills: card payments, cash, friends.
/// At three entries a day they come to about 1,100 EUR a month, what a salary leaves after
/// rent, energy and saving.
pub(crate) const EVERYDAY: &[Template] = &[
    template(Purpose::Groceries, 27, 180, 4_000, false),
    template(Purpose::Dining, 12, 250, 1_800, false),
    template(Purpose::Fuel, 3, 3_000, 6_500, false),
    template(Purpose::Online, 6, 399, 4_990, false),
    template(Purpose::Pharmacy, 4, 199, 2_500, false),
    template(Purpose::Transport, 14, 90, 1_500, false),
    template(Purpose::CashWithdrawal, 2, 2_000, 6_000, false),
    template(Purpose::OccasionalBill, 1, 1_500, 12_000, false),
    template(Purpose::FromFriend, 6, 500, 6_000, true),
    template(Purpose::ToFriend, 4, 500, 5_000, false),
];

/// A savings account between its monthly deposits: the card payments' round-ups.
pub(crate) const SAVINGS: &[Template] = &[template(Purpose::RoundUp, 1, 1, 99, true)];

/// Card authorisations still on hold: what the pending entries are.
pub(crate) const CARD_HOLDS: &[Template] = &[
    template(Purpose::Groceries, 5, 180, 3_500, false),
    template(Purpose::Dining, 3, 250, 1_800, false),
    template(Purpose::Fuel, 1, 3_000, 6_500, false),
    template(Purpose::Online, 2, 399, 4_990, false),
];

const fn merchant(name: &'static str, town: &'static str) -> Merchant {
    Merchant { name, town }
}

pub(crate) const GROCERS: &[Merchant] = &[
    merchant("TESCO HM Zlate piesky", "Bratislava"),
    merchant("LIDL Ruzinov", "Bratislava"),
    merchant("BILLA Obchodna", "Bratislava"),
    merchant("Kaufland Petrzalka", "Bratislava"),
    merchant("COOP Jednota Hlavna", "Trnava"),
    merchant("Fresh Market Nivy", "Bratislava"),
    merchant("LIDL Zilinska", "Nitra"),
    merchant("Kraj Market Sturova", "Kosice"),
];

pub(crate) const RESTAURANTS: &[Merchant] = &[
    merchant("Bistro Stur", "Bratislava"),
    merchant("Starbucks Eurovea", "Bratislava"),
    merchant("Pizzeria Regina", "Trencin"),
    merchant("Kolkovna Viedenska", "Bratislava"),
    merchant("McDonald's Aupark", "Bratislava"),
    merchant("Foodora", "Bratislava"),
    merchant("Slovak Pub", "Bratislava"),
];

pub(crate) const FUEL_STATIONS: &[Merchant] = &[
    merchant("Slovnaft CS Vajnorska", "Bratislava"),
    merchant("OMV Senec", "Senec"),
    merchant("Shell Trnavska cesta", "Trnava"),
    merchant("MOL Levicka", "Nitra"),
];

pub(crate) const WEB_SHOPS: &[Merchant] = &[
    merchant("Alza.sk", "Bratislava"),
    merchant("Notino.sk", "Bratislava"),
    merchant("Mall.sk", "Bratislava"),
    merchant("Bolt.eu", "Tallinn"),
    merchant("Spotify", "Stockholm"),
    merchant("Netflix.com", "Amsterdam"),
    merchant("Martinus.sk", "Martin"),
];

pub(crate) const PHARMACIES: &[Merchant] = &[
    merchant("Dr.Max lekaren", "Bratislava"),
    merchant("BENU lekaren", "Zilina"),
];

pub(crate) const TRANSPORT: &[Merchant] = &[
    merchant("Dopravny podnik Bratislava", "Bratislava"),
    merchant("ZSSK", "Bratislava"),
    merchant("RegioJet", "Bratislava"),
    merchant("Hopin Taxi", "Bratislava"),
];

pub(crate) const CASH_MACHINES: &[Merchant] = &[
    merchant("ATM Hlavna 12", "Kosice"),
    merchant("ATM Namestie SNP", "Bratislava"),
    merchant("ATM Mierove namestie", "Trencin"),
];

const fn party(name: &'static str, bank_code: u16, account: u64) -> Party {
    Party {
        name,
        bank_code,
        account,
    }
}

const fn bill(payee: Party, purpose: &'static str, constant_symbol: &'static str) -> Bill {
    Bill {
        payee,
        purpose,
        constant_symbol,
    }
}

/// Paid each month, the same amount each time.
pub(crate) const ELECTRICITY: Bill = bill(
    party("ZSE Energia, a.s.", 1100, 2_620_180_041),
    "Zálohová platba elektrina",
    "0308",
);
pub(crate) const GAS: Bill = bill(
    party("SPP, a.s.", 200, 1_451_823_156),
    "Záloha plyn",
    "0308",
);
pub(crate) const INTERNET: Bill = bill(
    party("Slovak Telekom, a.s.", 200, 1_204_612_442),
    "Internet a TV",
    "0308",
);
pub(crate) const MOBILE_OPERATORS: &[Bill] = &[
    bill(
        party("Orange Slovensko, a.s.", 1100, 2_624_718_355),
        "Faktúra za mobilné služby",
        "0308",
    ),
    bill(
        party("O2 Slovakia, s.r.o.", 7500, 4_007_112_613),
        "Mobilný paušál",
        "0308",
    ),
];

/// Who a flat's monthly payment (rent or the owners' association's advances) goes to.
pub(crate) const HOUSING: &[Bill] = &[
    bill(
        party("Bytové družstvo Petržalka", 900, 1_843_550_274),
        "Zálohy za byt a služby",
        "0308",
    ),
    bill(
        party(
            "Spoločenstvo vlastníkov bytov Tehelná 12",
            1100,
            2_911_406_338,
        ),
        "Zálohy do fondu opráv a služby",
        "0308",
    ),
    bill(
        party("Reality Nivy s.r.o.", 7500, 4_019_873_120),
        "Nájomné",
        "0308",
    ),
];

/// Now and then, not every month.
pub(crate) const OCCASIONAL_BILLS: &[Bill] = &[
    bill(
        party(
            "Bratislavská vodárenská spoločnosť, a.s.",
            900,
            1_843_267_011,
        ),
        "Vyúčtovanie vodné a stočné",
        "0308",
    ),
    bill(
        party("Allianz - Slovenská poisťovňa, a.s.", 1111, 6_618_230_017),
        "Poistenie domácnosti",
        "3558",
    ),
    bill(
        party("Miestny úrad Ružinov", 5600, 1_800_340_222),
        "Daň z nehnuteľnosti",
        "0558",
    ),
];

pub(crate) const EMPLOYERS: &[Party] = &[
    party("ESET, spol. s r.o.", 1100, 2_921_862_554),
    party("Volkswagen Slovakia, a.s.", 7500, 4_011_563_390),
    party("Slovnaft, a.s.", 200, 1_009_220_117),
    party("IBM Slovensko, spol. s r.o.", 1111, 1_022_450_006),
];

/// Who pays a self-employed holder's invoices.
pub(crate) const CLIENTS: &[Party] = &[
    party("Websupport, s.r.o.", 1100, 2_614_772_209),
    party("Pixel Federation, s.r.o.", 7500, 4_009_331_458),
    party("Kontentino s.r.o.", 8360, 5_104_227_930),
];

pub(crate) const PEOPLE: &[Party] = &[
    party("Martin Kováč", 900, 5_012_345_671),
    party("Zuzana Szabová", 200, 3_421_678_905),
    party("Tomáš Baláž", 1100, 2_931_557_204),
    party("Lucia Tóthová", 8360, 1_100_274_552),
    party("Michal Varga", 5600, 4_200_118_736),
    party("Katarína Molnárová", 6500, 1_234_009_871),
];

/// What people write when they send each other money.
pub(crate) const FRIENDLY_MESSAGES: &[&str] = &[
    "Za obed",
    "Lístky na koncert",
    "Darček pre Evu",
    "Benzín chata",
    "Splátka pôžičky",
    "Spoločný nákup",
    "Vrátenie za hotel",
];
