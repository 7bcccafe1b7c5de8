//! The words of a 211 directory: kinds of services with their real Open
//! Eligibility codes, names and sentences in English and French, audiences,
//! hours, fees, documents, languages, streets and fictional organization names.
//!
//! Templates may hold alternatives, `[a|b|c]` (one is drawn), and
//! placeholders: `{city}`, `{org}`, `{income}` (the province's income
//! assistance programmes), `{early_years}` (its early-years centres).

/// Text in the two official languages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text {
    pub en: &'static [&'static str],
    pub fr: &'static [&'static str],
}

/// Who a service is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    Everyone,
    Adults,
    Seniors,
    OlderAdults,
    Youth,
    Teens,
    Children,
    YoungFamilies,
    Women,
    Men,
    Newcomers,
    LowIncome,
    Indigenous,
    Disability,
    Caregivers,
}

/// A gender restriction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

impl Audience {
    /// Inclusive age range, only for age-restricted audiences.
    pub fn ages(self) -> (Option<u8>, Option<u8>) {
        match self {
            Audience::Adults | Audience::Men => (Some(18), None),
            Audience::Seniors => (Some(65), None),
            Audience::OlderAdults => (Some(55), None),
            Audience::Youth => (Some(16), Some(24)),
            Audience::Teens => (Some(12), Some(17)),
            Audience::Children => (Some(0), Some(12)),
            Audience::YoungFamilies => (Some(0), Some(6)),
            Audience::Women => (Some(16), None),
            _ => (None, None),
        }
    }

    /// The group of people the audience is, as the structured eligibility
    /// attribute `group` names it.
    pub fn group(self) -> Option<&'static str> {
        match self {
            Audience::Seniors | Audience::OlderAdults => Some("senior"),
            Audience::Youth | Audience::Teens => Some("youth"),
            Audience::Newcomers => Some("newcomer"),
            Audience::Indigenous => Some("indigenous"),
            Audience::Disability => Some("disability"),
            Audience::Caregivers => Some("caregiver"),
            Audience::YoungFamilies => Some("parent"),
            _ => None,
        }
    }

    pub fn gender(self) -> Option<Gender> {
        match self {
            Audience::Women => Some(Gender::Female),
            Audience::Men => Some(Gender::Male),
            _ => None,
        }
    }

    pub fn eligibility(self) -> Text {
        match self {
            Audience::Everyone => Text {
                en: &[
                    "Open to everyone in {city} and area.",
                    "Everyone is welcome; no referral needed.",
                    "Residents of {city} and the surrounding area.",
                ],
                fr: &[
                    "Ouvert à toute la population de {city} et des environs.",
                    "Tout le monde est bienvenu, sans recommandation.",
                ],
            },
            Audience::Adults => Text {
                en: &["Adults aged 18 and older.", "Adults 18+ living in {city} and area."],
                fr: &["Adultes de 18 ans et plus.", "Adultes de 18 ans et plus de la région de {city}."],
            },
            Audience::Seniors => Text {
                en: &[
                    "Seniors aged 65 and older living in {city} and area.",
                    "Adults 65 years of age and older[ and their caregivers|].",
                ],
                fr: &[
                    "Personnes aînées de 65 ans et plus de la région de {city}.",
                    "Adultes de 65 ans et plus[ et leurs proches aidants|].",
                ],
            },
            Audience::OlderAdults => Text {
                en: &["Adults aged 55 and over.", "Older adults 55+ in {city} and area."],
                fr: &["Adultes de 55 ans et plus.", "Personnes de 55 ans et plus de la région de {city}."],
            },
            Audience::Youth => Text {
                en: &["Youth aged 16 to 24.", "Young people between 16 and 24 years old."],
                fr: &["Jeunes de 16 à 24 ans.", "Jeunes âgés de 16 à 24 ans."],
            },
            Audience::Teens => Text {
                en: &["Young people aged 12 to 17.", "Teens 12 to 17 years old."],
                fr: &["Jeunes de 12 à 17 ans.", "Adolescentes et adolescents de 12 à 17 ans."],
            },
            Audience::Children => Text {
                en: &["Children aged 0 to 12 and their families.", "Children up to 12 years old with a parent or guardian."],
                fr: &["Enfants de 0 à 12 ans et leur famille.", "Enfants jusqu'à 12 ans accompagnés d'un parent."],
            },
            Audience::YoungFamilies => Text {
                en: &["Children from birth to 6 years old with a parent or caregiver.", "Families with children aged 0 to 6; expectant parents welcome."],
                fr: &["Enfants de la naissance à 6 ans accompagnés d'un parent ou d'une personne responsable.", "Familles ayant des enfants de 0 à 6 ans; futurs parents bienvenus."],
            },
            Audience::Women => Text {
                en: &[
                    "Women aged 16 and older, with or without children, experiencing or at risk of violence.",
                    "Women and their children fleeing abuse.",
                    "Self-identified women 16+, including trans women.",
                ],
                fr: &[
                    "Femmes de 16 ans et plus, avec ou sans enfants, victimes ou à risque de violence.",
                    "Femmes et leurs enfants qui fuient la violence.",
                ],
            },
            Audience::Men => Text {
                en: &["Men aged 18 and older.", "Single adult men 18+ who are homeless or at risk of homelessness."],
                fr: &["Hommes de 18 ans et plus.", "Hommes seuls de 18 ans et plus en situation d'itinérance."],
            },
            Audience::Newcomers => Text {
                en: &[
                    "Permanent residents, refugees, refugee claimants and other newcomers to Canada.",
                    "Newcomers to Canada[ who arrived in the last five years|], including refugees and temporary residents.",
                ],
                fr: &[
                    "Résidents permanents, réfugiés, demandeurs d'asile et autres personnes nouvellement arrivées au Canada.",
                    "Personnes immigrantes et réfugiées arrivées au Canada[ depuis moins de cinq ans|].",
                ],
            },
            Audience::LowIncome => Text {
                en: &[
                    "Individuals and families with low income[; proof of income may be requested|].",
                    "Households in {city} and area whose income is below the low-income cut-off.",
                ],
                fr: &[
                    "Personnes et familles à faible revenu[; une preuve de revenu peut être demandée|].",
                    "Ménages à faible revenu de la région de {city}.",
                ],
            },
            Audience::Indigenous => Text {
                en: &["First Nations, Inuit and Métis people, living on or off reserve.", "Indigenous individuals and families[ in {city} and area|]."],
                fr: &["Membres des Premières Nations, Inuit et Métis, dans les réserves ou hors réserve.", "Personnes et familles autochtones[ de la région de {city}|]."],
            },
            Audience::Disability => Text {
                en: &["People living with a physical, developmental or intellectual disability.", "Adults and children with disabilities and their families."],
                fr: &["Personnes vivant avec un handicap physique, intellectuel ou un trouble du développement.", "Adultes et enfants ayant un handicap et leur famille."],
            },
            Audience::Caregivers => Text {
                en: &["Family caregivers of older adults or people living with dementia.", "Unpaid caregivers of a family member or friend."],
                fr: &["Proches aidants de personnes âgées ou atteintes de démence.", "Proches aidants non rémunérés d'un membre de la famille ou d'un ami."],
            },
        }
    }
}

/// An opening-hours pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hours {
    Business,
    Extended,
    Evenings,
    Weekend,
    FoodBank,
    Meals,
    DropIn,
    AlwaysOpen,
}

/// What a service costs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cost {
    Free,
    /// From one of these amounts, per unit.
    Sliding(&'static [f64], Unit),
    /// One of these amounts, per unit.
    Fee(&'static [f64], Unit),
}

/// What a fee pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Session,
    Meal,
    Visit,
    Day,
    Month,
    Trip,
}

impl Unit {
    pub fn en(self) -> &'static str {
        match self {
            Unit::Session => "per session",
            Unit::Meal => "per meal",
            Unit::Visit => "per visit",
            Unit::Day => "per day",
            Unit::Month => "per month",
            Unit::Trip => "per trip",
        }
    }

    pub fn fr(self) -> &'static str {
        match self {
            Unit::Session => "par séance",
            Unit::Meal => "par repas",
            Unit::Visit => "par visite",
            Unit::Day => "par jour",
            Unit::Month => "par mois",
            Unit::Trip => "par trajet",
        }
    }
}

/// A document to bring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Document {
    HealthCard,
    PhotoId,
    ProofOfAddress,
    ProofOfIncome,
    Immigration,
    Sin,
    BirthCertificate,
    TaxAssessment,
    Lease,
}

impl Document {
    /// The document's name for a service in `province`, in English or French.
    pub fn name(self, province: &str, french: bool) -> &'static str {
        match (self, french) {
            (Document::HealthCard, false) => match province {
                "ON" => "Ontario health card",
                "QC" => "Quebec health insurance card",
                "BC" => "BC Services Card",
                "AB" => "Alberta Personal Health Card",
                "MB" => "Manitoba health card",
                _ => "Provincial health card",
            },
            (Document::HealthCard, true) => match province {
                "ON" => "Carte Santé de l'Ontario",
                "QC" => "Carte d'assurance maladie",
                _ => "Carte santé provinciale",
            },
            (Document::PhotoId, false) => "Photo identification",
            (Document::PhotoId, true) => "Pièce d'identité avec photo",
            (Document::ProofOfAddress, false) => "Proof of address",
            (Document::ProofOfAddress, true) => "Preuve d'adresse",
            (Document::ProofOfIncome, false) => {
                "Proof of income (recent pay stub, benefit statement or Notice of Assessment)"
            }
            (Document::ProofOfIncome, true) => {
                "Preuve de revenu (talon de paie récent, relevé de prestations ou avis de cotisation)"
            }
            (Document::Immigration, false) => {
                "Immigration documents (PR card, Confirmation of Permanent Residence or refugee claimant document)"
            }
            (Document::Immigration, true) => {
                "Documents d'immigration (carte de RP, confirmation de résidence permanente ou document de demandeur d'asile)"
            }
            (Document::Sin, false) => "Social Insurance Number",
            (Document::Sin, true) => "Numéro d'assurance sociale",
            (Document::BirthCertificate, false) => "Child's birth certificate",
            (Document::BirthCertificate, true) => "Certificat de naissance de l'enfant",
            (Document::TaxAssessment, false) => "Notice of Assessment from the Canada Revenue Agency",
            (Document::TaxAssessment, true) => "Avis de cotisation de l'Agence du revenu du Canada",
            (Document::Lease, false) => "Copy of your lease and any arrears notice",
            (Document::Lease, true) => "Copie du bail et de l'avis d'arriérés",
        }
    }
}

/// How people get the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Apply {
    WalkIn,
    Call,
    Referral,
    Online,
    AnyTime,
}

impl Apply {
    pub fn text(self) -> Text {
        match self {
            Apply::WalkIn => Text {
                en: &[
                    "Walk in during open hours[; no appointment needed|].",
                    "Drop in during program hours. [No referral required.|Please arrive 15 minutes before closing.]",
                ],
                fr: &["Présentez-vous pendant les heures d'ouverture[, sans rendez-vous|].", "Accueil sans rendez-vous pendant les heures du programme."],
            },
            Apply::Call => Text {
                en: &[
                    "Call to [book an appointment|speak with an intake worker|register].",
                    "Phone the office[ during business hours|] to arrange a first appointment.",
                    "Call or email to [register|book a spot]; space is limited.",
                ],
                fr: &[
                    "Téléphonez pour [prendre rendez-vous|parler à une intervenante ou un intervenant d'accueil|vous inscrire].",
                    "Appelez le bureau pour fixer un premier rendez-vous.",
                ],
            },
            Apply::Referral => Text {
                en: &[
                    "Self-referral or referral from a [doctor|nurse practitioner|community agency|hospital].",
                    "Referral required from a [family doctor|health care provider|case manager]; self-referrals are also accepted for some programs.",
                    "Call the central intake line; an intake worker will assess your needs and [place you on the waiting list|book an appointment].",
                ],
                fr: &[
                    "Recommandation par vous-même ou par un [médecin|membre du personnel infirmier praticien|organisme communautaire].",
                    "Appelez la ligne d'accueil centralisée; une intervenante ou un intervenant évaluera vos besoins.",
                ],
            },
            Apply::Online => Text {
                en: &[
                    "Complete the online intake form or call the office.",
                    "Register online or in person[ with the documents listed|].",
                ],
                fr: &["Remplissez le formulaire d'inscription en ligne ou téléphonez au bureau.", "Inscription en ligne ou en personne."],
            },
            Apply::AnyTime => Text {
                en: &[
                    "Call any time, day or night; no referral needed.",
                    "Call or text 24 hours a day. [You do not have to give your name.|Calls are confidential.]",
                ],
                fr: &["Appelez en tout temps, de jour comme de nuit, sans recommandation.", "Appelez ou textez 24 heures sur 24. Les appels sont confidentiels."],
            },
        }
    }
}

/// A kind of community service.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kind {
    /// Short key, for tests and organization focus.
    pub key: &'static str,
    /// Relative frequency.
    pub weight: u32,
    /// Open Eligibility codes (the first is the main category).
    pub codes: &'static [&'static str],
    /// Service names.
    pub names: Text,
    /// First sentence of the description.
    pub leads: Text,
    /// Further sentences; one or two are drawn.
    pub details: Text,
    /// Audiences with weights.
    pub audiences: &'static [(Audience, u32)],
    /// Hours patterns with weights.
    pub hours: &'static [(Hours, u32)],
    /// Costs with weights.
    pub costs: &'static [(Cost, u32)],
    /// Documents that may be asked for.
    pub documents: &'static [Document],
    /// Ways to apply.
    pub apply: &'static [Apply],
}

const FREE: &[(Cost, u32)] = &[(Cost::Free, 1)];
const BUSINESS: &[(Hours, u32)] = &[
    (Hours::Business, 6),
    (Hours::Extended, 2),
    (Hours::Evenings, 1),
];

/// Every kind of service the generator makes.
pub(crate) static KINDS: &[Kind] = &[
    Kind {
        key: "food_bank",
        weight: 80,
        codes: &["102-04", "101-03"],
        names: Text {
            en: &["Food Bank", "{city} Community Food Bank", "Emergency Food Cupboard", "Neighbourhood Food Pantry", "Good Food Box", "Food Bank and Pantry Program"],
            fr: &["Banque alimentaire", "Comptoir alimentaire", "Banque alimentaire communautaire de {city}", "Dépannage alimentaire"],
        },
        leads: Text {
            en: &[
                "[Provides|Offers|Distributes] [free groceries|emergency food hampers|a few days of groceries] to [individuals and families|households] in need in {city}.",
                "A community food bank [serving|for] {city} and [nearby communities|surrounding rural areas].",
                "Emergency food [hampers|boxes] with [fresh produce, dairy and pantry staples|non-perishable food and fresh bread] for people [facing food insecurity|who are short of money for food].",
            ],
            fr: &[
                "[Offre|Distribue] [des paniers d'épicerie gratuits|des denrées de dépannage] aux personnes et aux familles dans le besoin de {city}.",
                "Banque alimentaire communautaire au service de {city} et des environs.",
            ],
        },
        details: Text {
            en: &[
                "Clients may visit [once a month|twice a month|every two weeks].",
                "[Baby formula, diapers|Hygiene products|Halal and vegetarian options] are [available|offered] when in stock.",
                "Home delivery is available for people who cannot travel[ because of illness or disability|].",
                "Volunteers can help with referrals to meal programs and community gardens.",
                "A choice-model pantry lets clients pick their own items[ like a grocery store|].",
            ],
            fr: &[
                "Les clients peuvent venir [une fois par mois|deux fois par mois].",
                "Des produits d'hygiène et du lait maternisé sont offerts selon les stocks.",
                "Livraison à domicile pour les personnes qui ne peuvent pas se déplacer.",
            ],
        },
        audiences: &[(Audience::Everyone, 6), (Audience::LowIncome, 4)],
        hours: &[(Hours::FoodBank, 8), (Hours::Business, 2)],
        costs: FREE,
        documents: &[Document::PhotoId, Document::ProofOfAddress, Document::ProofOfIncome],
        apply: &[Apply::WalkIn, Apply::Call],
    },
    Kind {
        key: "community_meals",
        weight: 50,
        codes: &["102-05"],
        names: Text {
            en: &["Community Meal Program", "Hot Lunch Program", "Community Dinner", "Breakfast Program", "Soup Kitchen", "Community Kitchen and Meals"],
            fr: &["Repas communautaires", "Soupe populaire", "Programme de déjeuners", "Cuisine communautaire"],
        },
        leads: Text {
            en: &[
                "[Serves|Offers] a [free|hot, nutritious] [lunch|dinner|breakfast] to anyone in need[ in {city}|], no questions asked.",
                "A [drop-in|sit-down] community meal in a welcoming space[ in {city}|].",
                "Free [hot meals|bagged lunches|take-out meals] for people who are hungry, homeless or living on a low income.",
            ],
            fr: &[
                "[Sert|Offre] un [repas chaud|dîner|déjeuner] gratuit à toute personne dans le besoin à {city}.",
                "Repas communautaires gratuits dans un espace accueillant.",
            ],
        },
        details: Text {
            en: &[
                "Take-out containers are available.",
                "[Vegetarian|Halal|Gluten-free] options are offered[ when possible|].",
                "Volunteers and peer workers are on site to connect guests with other supports.",
                "Showers and laundry are available on some days.",
            ],
            fr: &["Des plats à emporter sont offerts.", "Des options végétariennes sont proposées.", "Des bénévoles sont sur place pour orienter vers d'autres services."],
        },
        audiences: &[(Audience::Everyone, 8), (Audience::Adults, 1), (Audience::Seniors, 1)],
        hours: &[(Hours::Meals, 1)],
        costs: &[(Cost::Free, 9), (Cost::Fee(&[2.0, 3.0, 5.0], Unit::Meal), 1)],
        documents: &[],
        apply: &[Apply::WalkIn],
    },
    Kind {
        key: "meals_on_wheels",
        weight: 25,
        codes: &["102-03", "102-07"],
        names: Text {
            en: &["Meals on Wheels", "Hot Meal Delivery", "Frozen Meal Delivery", "Home-Delivered Meals"],
            fr: &["Popote roulante", "Livraison de repas à domicile", "Repas surgelés livrés"],
        },
        leads: Text {
            en: &[
                "[Hot|Frozen|Hot and frozen] meals delivered to the homes of [seniors|older adults and people with disabilities] in {city} and area.",
                "Nutritious meals [delivered|brought] to your door by friendly volunteers, [weekdays|three days a week].",
            ],
            fr: &["Repas [chauds|surgelés] livrés à domicile aux personnes aînées de {city} et des environs.", "Des bénévoles livrent des repas nutritifs à votre porte."],
        },
        details: Text {
            en: &[
                "Special diets such as [diabetic|low-sodium|soft|cultural] meals can be arranged.",
                "Volunteers also make a short safety check at each delivery.",
                "Subsidies are available for clients who cannot afford the full price.",
            ],
            fr: &["Des régimes particuliers peuvent être accommodés.", "Les bénévoles vérifient aussi que tout va bien à chaque livraison."],
        },
        audiences: &[(Audience::Seniors, 6), (Audience::Disability, 2), (Audience::OlderAdults, 1)],
        hours: &[(Hours::Business, 1)],
        costs: &[(Cost::Fee(&[6.0, 7.5, 8.0, 9.5], Unit::Meal), 7), (Cost::Sliding(&[4.0, 5.0], Unit::Meal), 3)],
        documents: &[],
        apply: &[Apply::Call, Apply::Referral],
    },
    Kind {
        key: "emergency_shelter",
        weight: 35,
        codes: &["103-01", "101-04"],
        names: Text {
            en: &["Emergency Shelter", "Overnight Shelter", "Emergency Shelter and Drop-In", "Warming Centre", "Adult Emergency Shelter"],
            fr: &["Refuge d'urgence", "Hébergement d'urgence", "Centre d'hébergement de nuit"],
        },
        leads: Text {
            en: &[
                "[Emergency shelter|Overnight beds|Short-term emergency housing] for adults who are [homeless|experiencing homelessness] in {city}.",
                "A [low-barrier|24-hour] emergency shelter with [beds, meals and showers|meals, laundry and housing support].",
            ],
            fr: &["Hébergement d'urgence pour les adultes en situation d'itinérance à {city}.", "Refuge d'urgence à bas seuil avec lits, repas et douches."],
        },
        details: Text {
            en: &[
                "Housing workers help residents find and keep permanent housing.",
                "Beds are first come, first served; call ahead to check availability.",
                "Pets and partners can be accommodated[ in some rooms|].",
                "Storage lockers and a phone are available to residents.",
            ],
            fr: &["Des intervenants aident à trouver un logement permanent.", "Lits attribués selon l'ordre d'arrivée; téléphonez pour vérifier la disponibilité."],
        },
        audiences: &[(Audience::Adults, 8), (Audience::Everyone, 2)],
        hours: &[(Hours::AlwaysOpen, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::WalkIn, Apply::AnyTime],
    },
    Kind {
        key: "womens_shelter",
        weight: 25,
        codes: &["101-06-01", "103-05-03", "103-01"],
        names: Text {
            en: &["Women's Shelter", "Violence Against Women Shelter", "Women's Crisis Shelter and Support Line", "Transitional Housing for Women", "Safe Haven for Women and Children"],
            fr: &["Maison d'hébergement pour femmes", "Refuge pour femmes victimes de violence", "Maison d'hébergement et ligne de soutien pour femmes"],
        },
        leads: Text {
            en: &[
                "A safe, confidential shelter for women and their children [fleeing|escaping] [domestic violence|abuse|intimate partner violence].",
                "[Emergency shelter|Safe housing], [safety planning|crisis counselling] and a 24-hour support line for women experiencing abuse[ in {city} and area|].",
            ],
            fr: &["Maison d'hébergement sécuritaire et confidentielle pour les femmes et leurs enfants qui fuient la violence.", "Hébergement d'urgence, planification de la sécurité et ligne de soutien 24 heures pour les femmes victimes de violence."],
        },
        details: Text {
            en: &[
                "Counsellors help with safety planning, legal information and finding housing.",
                "The location is not published; call the support line[ to arrange admission|].",
                "Child and youth workers support children staying at the shelter.",
                "Outreach counselling is available for women who are not living in the shelter.",
            ],
            fr: &["Les intervenantes aident à planifier la sécurité et à trouver un logement.", "L'adresse est confidentielle; appelez la ligne de soutien."],
        },
        audiences: &[(Audience::Women, 1)],
        hours: &[(Hours::AlwaysOpen, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::AnyTime],
    },
    Kind {
        key: "mens_shelter",
        weight: 12,
        codes: &["103-01", "101-04"],
        names: Text {
            en: &["Men's Shelter", "Men's Hostel", "Men's Mission and Shelter"],
            fr: &["Refuge pour hommes", "Maison d'hébergement pour hommes"],
        },
        leads: Text {
            en: &["Emergency beds, meals and support for [single men|men] who are homeless in {city}.", "A shelter for adult men with [case management|housing help] and hot meals."],
            fr: &["Lits d'urgence, repas et soutien pour les hommes seuls en situation d'itinérance à {city}."],
        },
        details: Text {
            en: &["Housing workers help residents move into permanent housing.", "Addiction and mental health workers visit the shelter weekly."],
            fr: &["Des intervenants aident à trouver un logement permanent."],
        },
        audiences: &[(Audience::Men, 1)],
        hours: &[(Hours::AlwaysOpen, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::WalkIn, Apply::AnyTime],
    },
    Kind {
        key: "youth_shelter",
        weight: 12,
        codes: &["103-01", "103-05-04"],
        names: Text {
            en: &["Youth Shelter", "Youth Emergency Shelter", "Transitional Housing for Youth"],
            fr: &["Refuge pour jeunes", "Hébergement d'urgence pour les jeunes"],
        },
        leads: Text {
            en: &["Emergency and transitional housing for [young people|youth] aged 16 to 24 who are homeless or cannot live at home.", "A safe place to stay for youth 16 to 24, with [meals|life-skills coaching] and [school support|help finding work]."],
            fr: &["Hébergement d'urgence et de transition pour les jeunes de 16 à 24 ans en situation d'itinérance."],
        },
        details: Text {
            en: &["Youth workers help with school, jobs, income support and housing.", "Beds are available for 2SLGBTQIA+ youth in a dedicated wing."],
            fr: &["Des intervenants aident les jeunes avec l'école, l'emploi et le logement."],
        },
        audiences: &[(Audience::Youth, 1)],
        hours: &[(Hours::AlwaysOpen, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::WalkIn, Apply::AnyTime],
    },
    Kind {
        key: "housing_help",
        weight: 35,
        codes: &["103-02", "103-04"],
        names: Text {
            en: &["Housing Help Centre", "Housing Stability Program", "Housing Search Support", "Tenant Support and Housing Help", "Homelessness Prevention Program"],
            fr: &["Centre d'aide au logement", "Programme de stabilité du logement", "Soutien à la recherche de logement"],
        },
        leads: Text {
            en: &[
                "Helps people [find|search for] [affordable housing|rental housing] and [avoid eviction|keep their housing] in {city}.",
                "[Housing workers|Housing counsellors] help tenants [with housing searches, landlord issues and applications for subsidized housing|who are homeless or at risk of losing their homes].",
            ],
            fr: &["Aide à trouver un logement abordable et à éviter l'expulsion à {city}.", "Des conseillers en logement aident les locataires à chercher un logement et à régler des problèmes avec leur propriétaire."],
        },
        details: Text {
            en: &[
                "Help with applications for [subsidized|rent-geared-to-income] housing.",
                "Information on tenant rights and landlord disputes.",
                "Listings of available rentals are updated weekly.",
                "Follow-up support is offered after a move.",
            ],
            fr: &["Aide pour les demandes de logement subventionné.", "Information sur les droits des locataires."],
        },
        audiences: &[(Audience::Everyone, 5), (Audience::LowIncome, 4), (Audience::Seniors, 1)],
        hours: BUSINESS,
        costs: FREE,
        documents: &[Document::PhotoId, Document::ProofOfIncome],
        apply: &[Apply::Call, Apply::WalkIn, Apply::Online],
    },
    Kind {
        key: "rent_bank",
        weight: 15,
        codes: &["103-03", "101-02-03", "103-03-02"],
        names: Text {
            en: &["Rent Bank", "Emergency Rent and Utility Assistance", "Housing Stability Fund", "Utility Arrears Program"],
            fr: &["Banque de loyers", "Aide d'urgence pour le loyer et les services publics"],
        },
        leads: Text {
            en: &["[Interest-free loans|Grants] to help low-income tenants [pay rent arrears|avoid eviction|pay overdue hydro and heating bills].", "Short-term financial help with [rent|utility] arrears for households in {city} at risk of losing their housing."],
            fr: &["Prêts sans intérêt ou subventions pour aider les locataires à faible revenu à payer leurs arriérés de loyer.", "Aide financière à court terme pour les arriérés de loyer ou d'électricité."],
        },
        details: Text {
            en: &["Payments are made directly to the landlord or utility company.", "Applicants must show they can afford the rent going forward."],
            fr: &["Les paiements sont versés directement au propriétaire ou au fournisseur."],
        },
        audiences: &[(Audience::LowIncome, 1)],
        hours: &[(Hours::Business, 1)],
        costs: FREE,
        documents: &[Document::PhotoId, Document::ProofOfIncome, Document::Lease],
        apply: &[Apply::Call, Apply::Online],
    },
    Kind {
        key: "counselling",
        weight: 55,
        codes: &["106-06-07-01", "108-07-01", "106-04-08"],
        names: Text {
            en: &["Counselling Services", "Individual and Family Counselling", "Walk-In Counselling Clinic", "Mental Health Counselling", "Single-Session Counselling", "Anxiety and Depression Counselling"],
            fr: &["Services de counselling", "Counselling individuel et familial", "Clinique de counselling sans rendez-vous", "Counselling en santé mentale"],
        },
        leads: Text {
            en: &[
                "[Short-term|Confidential|Professional] counselling for [individuals, couples and families|adults and teens] dealing with [stress, anxiety, depression or grief|relationship problems, trauma or life changes].",
                "[Registered social workers|Licensed therapists|Trained counsellors] offer [free|low-cost] counselling [in person and by video|in {city}].",
                "A walk-in counselling clinic: see a counsellor the same day, no referral or waiting list.",
            ],
            fr: &[
                "Counselling confidentiel à court terme pour les personnes, les couples et les familles aux prises avec du stress, de l'anxiété ou un deuil.",
                "Des travailleuses et travailleurs sociaux offrent du counselling en personne et par vidéo à {city}.",
            ],
        },
        details: Text {
            en: &[
                "Sessions are available [in person, by phone or by video|evenings and weekends].",
                "Group programs cover [anxiety|parenting stress|anger management|grief].",
                "Counsellors use [cognitive behavioural therapy|solution-focused therapy|trauma-informed approaches].",
                "There may be a waiting list of [two to four weeks|about a month].",
            ],
            fr: &["Séances en personne, par téléphone ou par vidéo.", "Des groupes portent sur l'anxiété, le deuil et la gestion de la colère.", "Il peut y avoir une liste d'attente."],
        },
        audiences: &[(Audience::Everyone, 6), (Audience::Adults, 3), (Audience::Teens, 1)],
        hours: BUSINESS,
        costs: &[(Cost::Free, 5), (Cost::Sliding(&[10.0, 20.0, 25.0, 40.0], Unit::Session), 4), (Cost::Fee(&[80.0, 100.0, 120.0], Unit::Session), 1)],
        documents: &[Document::HealthCard],
        apply: &[Apply::Call, Apply::WalkIn, Apply::Referral],
    },
    Kind {
        key: "community_mental_health",
        weight: 35,
        codes: &["108-07-06", "106-06-07-01", "106-06-04-04"],
        names: Text {
            en: &["Community Mental Health Program", "Mental Health Case Management", "Assertive Community Treatment Team", "Early Psychosis Intervention", "Mental Health Court Support", "Supportive Housing for Mental Health"],
            fr: &["Programme communautaire de santé mentale", "Gestion de cas en santé mentale", "Intervention précoce en psychose"],
        },
        leads: Text {
            en: &[
                "[Case managers|Mental health workers] support adults living with [serious mental illness|mental health and addiction challenges] to live well in the community.",
                "[Community-based|Intensive] mental health support for people with [schizophrenia, bipolar disorder or major depression|serious and persistent mental illness] in {city} and area.",
            ],
            fr: &["Des gestionnaires de cas accompagnent les adultes vivant avec une maladie mentale grave dans la communauté.", "Soutien communautaire en santé mentale pour les personnes atteintes de troubles mentaux graves."],
        },
        details: Text {
            en: &[
                "Help with housing, income, medication and daily living.",
                "A psychiatrist and nurses are part of the team.",
                "Support is offered at home, in the community or at the office.",
                "Family members can attend education and support sessions.",
            ],
            fr: &["Aide pour le logement, le revenu, la médication et la vie quotidienne.", "Une psychiatre et des infirmières font partie de l'équipe."],
        },
        audiences: &[(Audience::Adults, 7), (Audience::Youth, 2), (Audience::Everyone, 1)],
        hours: &[(Hours::Business, 1)],
        costs: FREE,
        documents: &[Document::HealthCard],
        apply: &[Apply::Referral, Apply::Call],
    },
    Kind {
        key: "crisis_line",
        weight: 25,
        codes: &["108-07-02", "101-07"],
        names: Text {
            en: &["24-Hour Crisis Line", "Mental Health Crisis Line", "Distress Centre", "Suicide Prevention and Crisis Line", "Crisis Text and Phone Line"],
            fr: &["Ligne de crise 24 heures", "Centre de détresse", "Ligne d'écoute et de prévention du suicide"],
        },
        leads: Text {
            en: &[
                "[Free, confidential|Anonymous] [emotional support|crisis support] by phone [24 hours a day, 7 days a week|around the clock].",
                "Trained [volunteers|crisis workers] answer calls from people in [emotional distress|crisis] or thinking about suicide.",
            ],
            fr: &["Soutien émotionnel gratuit et confidentiel par téléphone, 24 heures sur 24, 7 jours sur 7.", "Des bénévoles formés répondent aux personnes en détresse ou qui pensent au suicide."],
        },
        details: Text {
            en: &[
                "Callers can also be connected to mobile crisis teams and local services.",
                "Support for family and friends worried about someone.",
                "A text and chat line is available in the evenings.",
                "In an emergency, call 9-1-1.",
            ],
            fr: &["Les personnes peuvent être orientées vers une équipe mobile de crise.", "En cas d'urgence, composez le 9-1-1."],
        },
        audiences: &[(Audience::Everyone, 8), (Audience::Youth, 1), (Audience::Seniors, 1)],
        hours: &[(Hours::AlwaysOpen, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::AnyTime],
    },
    Kind {
        key: "mobile_crisis",
        weight: 8,
        codes: &["106-06-08", "101-07"],
        names: Text {
            en: &["Mobile Crisis Team", "Crisis Response Service", "Mental Health Crisis Outreach"],
            fr: &["Équipe mobile d'intervention de crise", "Service d'intervention en situation de crise"],
        },
        leads: Text {
            en: &["Crisis workers [come to you|respond in person] when someone is in a mental health crisis[ in {city} and area|].", "[Mental health nurses|Crisis workers] and police officers respond together to mental health crises."],
            fr: &["Des intervenants de crise se déplacent lorsqu'une personne vit une crise de santé mentale à {city}."],
        },
        details: Text {
            en: &["Short-term follow-up and referral to community services after the crisis.", "A safe bed is available for short stays."],
            fr: &["Suivi à court terme et orientation vers les services communautaires."],
        },
        audiences: &[(Audience::Everyone, 3), (Audience::Adults, 1)],
        hours: &[(Hours::AlwaysOpen, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::AnyTime],
    },
    Kind {
        key: "withdrawal_management",
        weight: 15,
        codes: &["106-01-02", "106-01"],
        names: Text {
            en: &["Withdrawal Management Centre", "Detox Centre", "Community Withdrawal Management", "Residential Withdrawal Management Services"],
            fr: &["Centre de gestion du sevrage", "Centre de désintoxication", "Services de gestion du sevrage"],
        },
        leads: Text {
            en: &[
                "[Safe, supervised|Medically supported] withdrawal from [alcohol and other drugs|alcohol, opioids and other substances] in a [residential|non-medical] setting.",
                "Short-term [detox|withdrawal management] beds for adults who want to stop using [alcohol or drugs|substances].",
            ],
            fr: &["Sevrage sécuritaire et supervisé de l'alcool et des drogues en milieu résidentiel.", "Lits de désintoxication de courte durée pour les adultes qui veulent cesser de consommer."],
        },
        details: Text {
            en: &[
                "Stays are usually [three to five days|up to seven days].",
                "Staff help plan next steps such as treatment, counselling or housing.",
                "Community withdrawal support at home is also available.",
            ],
            fr: &["Les séjours durent habituellement de trois à cinq jours.", "Le personnel aide à planifier la suite : traitement, counselling ou logement."],
        },
        audiences: &[(Audience::Adults, 8), (Audience::Youth, 2)],
        hours: &[(Hours::AlwaysOpen, 1)],
        costs: FREE,
        documents: &[Document::HealthCard],
        apply: &[Apply::WalkIn, Apply::AnyTime, Apply::Referral],
    },
    Kind {
        key: "addiction_treatment",
        weight: 25,
        codes: &["106-01-04", "106-01-05", "106-01"],
        names: Text {
            en: &["Addiction Treatment Program", "Substance Use Counselling", "Day Treatment for Addictions", "Residential Addiction Treatment", "Rapid Access Addiction Medicine Clinic", "Problem Gambling Services"],
            fr: &["Programme de traitement des dépendances", "Counselling en consommation de substances", "Traitement résidentiel des dépendances"],
        },
        leads: Text {
            en: &[
                "[Outpatient|Day and evening] treatment for people [struggling with|affected by] [alcohol, drug or gambling|substance use] problems.",
                "[Counselling|Assessment and treatment] for adults and families affected by [addiction|substance use and gambling].",
                "A [21-day|six-week] [residential|live-in] treatment program for [alcohol and drug addiction|substance use disorders].",
            ],
            fr: &["Traitement externe pour les personnes aux prises avec des problèmes d'alcool, de drogues ou de jeu.", "Counselling et évaluation pour les adultes et les familles touchés par la dépendance."],
        },
        details: Text {
            en: &[
                "Harm reduction and abstinence goals are both supported.",
                "Opioid agonist therapy (methadone and buprenorphine) is available[ on site|].",
                "Family members can join a weekly support group.",
                "Aftercare groups meet [weekly|every Tuesday evening].",
            ],
            fr: &["Les objectifs de réduction des méfaits et d'abstinence sont soutenus.", "Un groupe de soutien pour les familles se réunit chaque semaine."],
        },
        audiences: &[(Audience::Adults, 7), (Audience::Youth, 2), (Audience::Everyone, 1)],
        hours: BUSINESS,
        costs: FREE,
        documents: &[Document::HealthCard],
        apply: &[Apply::Call, Apply::Referral, Apply::WalkIn],
    },
    Kind {
        key: "peer_support",
        weight: 15,
        codes: &["108-07-07", "108-07-09", "106-01-01"],
        names: Text {
            en: &["Peer Support Group", "Recovery Support Group", "Mental Health Peer Support", "Family Support Group", "Bereavement Support Group"],
            fr: &["Groupe d'entraide", "Groupe de soutien par les pairs", "Groupe de soutien pour les familles"],
        },
        leads: Text {
            en: &["[Weekly|Drop-in] support groups led by people with [lived experience|lived experience of mental illness or addiction].", "A [friendly|welcoming] peer-led group for people in recovery and their families."],
            fr: &["Groupes de soutien hebdomadaires animés par des personnes ayant un vécu expérientiel.", "Groupe d'entraide pour les personnes en rétablissement et leurs proches."],
        },
        details: Text {
            en: &["Meetings are also held online.", "One-to-one peer support is available by appointment."],
            fr: &["Les rencontres ont aussi lieu en ligne."],
        },
        audiences: &[(Audience::Adults, 5), (Audience::Everyone, 4), (Audience::Caregivers, 1)],
        hours: &[(Hours::Evenings, 6), (Hours::DropIn, 3), (Hours::Weekend, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::WalkIn, Apply::Call],
    },
    Kind {
        key: "home_care",
        weight: 35,
        codes: &["106-06-07-09", "108-07-04", "108-07-03"],
        names: Text {
            en: &["Home Care Services", "Personal Support at Home", "Home and Community Care", "Home Help and Housekeeping", "Visiting Nursing Services", "Home Support for Seniors"],
            fr: &["Services de soins à domicile", "Soutien personnel à domicile", "Aide à domicile pour les aînés", "Soins infirmiers à domicile"],
        },
        leads: Text {
            en: &[
                "[Personal support workers|Nurses and personal support workers] help [seniors|older adults and people with disabilities] [live safely at home|stay independent at home].",
                "In-home help with [bathing, dressing and meals|housekeeping, laundry and errands|nursing care and medication] for people in {city} and area.",
                "[Nursing|Home care] visits after a hospital stay, surgery or illness.",
            ],
            fr: &["Des préposés aux services de soutien personnel aident les personnes aînées à vivre en sécurité à domicile.", "Aide à domicile pour l'hygiène, les repas et l'entretien ménager à {city} et dans les environs."],
        },
        details: Text {
            en: &[
                "Services are arranged by a care coordinator after an assessment.",
                "Visits can be [daily|weekly] depending on need.",
                "Light housekeeping and safety checks are included.",
                "Respite visits give family caregivers a break.",
            ],
            fr: &["Les services sont organisés par une coordonnatrice des soins après une évaluation.", "Les visites peuvent être quotidiennes ou hebdomadaires."],
        },
        audiences: &[(Audience::Seniors, 6), (Audience::Disability, 2), (Audience::Everyone, 2)],
        hours: &[(Hours::Business, 4), (Hours::Extended, 1)],
        costs: &[(Cost::Free, 5), (Cost::Sliding(&[10.0, 15.0, 20.0], Unit::Visit), 3), (Cost::Fee(&[28.0, 32.0, 35.0], Unit::Visit), 2)],
        documents: &[Document::HealthCard],
        apply: &[Apply::Referral, Apply::Call],
    },
    Kind {
        key: "adult_day",
        weight: 15,
        codes: &["108-03-01", "108-03-07"],
        names: Text {
            en: &["Adult Day Program", "Seniors' Day Program", "Alzheimer Day Program"],
            fr: &["Programme de jour pour adultes", "Centre de jour pour aînés"],
        },
        leads: Text {
            en: &["A supervised day program for [frail seniors|older adults living with dementia] with [social activities, exercise and a hot lunch|recreation, meals and personal care].", "[Social and recreational|Therapeutic] day program for seniors that also gives caregivers a break."],
            fr: &["Programme de jour supervisé pour les personnes aînées en perte d'autonomie, avec activités, exercice et repas chaud."],
        },
        details: Text {
            en: &["Transportation to and from the program can be arranged.", "Nursing staff help with medication and personal care."],
            fr: &["Le transport aller-retour peut être organisé."],
        },
        audiences: &[(Audience::Seniors, 8), (Audience::OlderAdults, 2)],
        hours: &[(Hours::Business, 1)],
        costs: &[(Cost::Fee(&[15.0, 20.0, 25.0], Unit::Day), 6), (Cost::Sliding(&[10.0], Unit::Day), 4)],
        documents: &[Document::HealthCard],
        apply: &[Apply::Referral, Apply::Call],
    },
    Kind {
        key: "seniors_centre",
        weight: 25,
        codes: &["108-03-06", "108-07-05"],
        names: Text {
            en: &["Seniors' Active Living Centre", "Seniors' Centre", "Friendly Visiting Program", "Telephone Reassurance Program", "Seniors' Social and Recreation Programs"],
            fr: &["Centre de vie active pour aînés", "Club de l'âge d'or", "Visites amicales pour aînés", "Programme d'appels de sécurité"],
        },
        leads: Text {
            en: &[
                "[Fitness classes, card games and social events|Exercise, arts, education and social programs] for [older adults|seniors] in {city}.",
                "Volunteers [visit|call] [isolated seniors|older adults living alone] [weekly|every day] for a friendly chat and a safety check.",
            ],
            fr: &["Activités physiques, jeux de cartes et activités sociales pour les aînés de {city}.", "Des bénévoles visitent ou appellent les aînés isolés chaque semaine."],
        },
        details: Text {
            en: &["A low-cost lunch is served on weekdays.", "Foot care clinics and income tax help are offered seasonally.", "Membership is open to residents of all backgrounds."],
            fr: &["Un dîner à faible coût est servi en semaine.", "Des cliniques de soins des pieds sont offertes."],
        },
        audiences: &[(Audience::Seniors, 5), (Audience::OlderAdults, 5)],
        hours: &[(Hours::Business, 6), (Hours::Extended, 2), (Hours::Weekend, 1)],
        costs: &[(Cost::Free, 5), (Cost::Fee(&[25.0, 35.0, 50.0], Unit::Month), 5)],
        documents: &[],
        apply: &[Apply::WalkIn, Apply::Call],
    },
    Kind {
        key: "caregiver_respite",
        weight: 12,
        codes: &["108-03-07", "108-07-09"],
        names: Text {
            en: &["Caregiver Respite Program", "Caregiver Support Services", "Overnight Respite Care"],
            fr: &["Répit pour proches aidants", "Soutien aux proches aidants"],
        },
        leads: Text {
            en: &["[In-home|Overnight|Short-stay] respite so family caregivers can [rest|take a break].", "Education, counselling and support groups for family caregivers[ of people living with dementia|]."],
            fr: &["Répit à domicile ou de courte durée pour permettre aux proches aidants de se reposer.", "Formation, counselling et groupes de soutien pour les proches aidants."],
        },
        details: Text {
            en: &["Trained workers stay with your family member for a few hours.", "Caregiver coaching is available by phone."],
            fr: &["Du personnel formé reste auprès de votre proche pendant quelques heures."],
        },
        audiences: &[(Audience::Caregivers, 1)],
        hours: &[(Hours::Business, 1)],
        costs: &[(Cost::Free, 5), (Cost::Sliding(&[5.0, 10.0], Unit::Visit), 5)],
        documents: &[],
        apply: &[Apply::Call, Apply::Referral],
    },
    Kind {
        key: "youth_drop_in",
        weight: 25,
        codes: &["108-03-06", "108-07-05", "109-03-10"],
        names: Text {
            en: &["Youth Drop-In Centre", "Youth Outreach Program", "After-School Program", "Youth Mentoring Program", "Youth Hub"],
            fr: &["Centre jeunesse", "Maison des jeunes", "Programme de mentorat pour les jeunes", "Programme parascolaire"],
        },
        leads: Text {
            en: &[
                "A safe, welcoming space for [teens|young people] with [homework help, games and snacks|recreation, mentoring and life skills].",
                "[Youth workers|Outreach workers] connect with young people [in schools and the community|on the street] and help them find support.",
            ],
            fr: &["Un lieu sécuritaire et accueillant pour les jeunes, avec aide aux devoirs, jeux et collations.", "Des intervenants jeunesse accompagnent les jeunes et les orientent vers du soutien."],
        },
        details: Text {
            en: &["A healthy snack or meal is served.", "Programs for 2SLGBTQIA+ youth meet weekly.", "Youth can talk privately with a counsellor.", "Bus tickets are available for youth who need them."],
            fr: &["Une collation santé est servie.", "Les jeunes peuvent parler en privé avec une intervenante."],
        },
        audiences: &[(Audience::Teens, 5), (Audience::Youth, 5)],
        hours: &[(Hours::DropIn, 5), (Hours::Evenings, 3), (Hours::Extended, 2)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::WalkIn],
    },
    Kind {
        key: "child_youth_mental_health",
        weight: 18,
        codes: &["106-06-07-01", "108-07-01", "106-06-04-04"],
        names: Text {
            en: &["Child and Youth Mental Health Services", "Children's Mental Health Centre", "Youth Counselling", "Walk-In Clinic for Children and Youth"],
            fr: &["Services de santé mentale pour enfants et adolescents", "Counselling jeunesse", "Clinique sans rendez-vous pour enfants et jeunes"],
        },
        leads: Text {
            en: &["Counselling and therapy for [children, teens and their families|young people up to age 17] dealing with [anxiety, behaviour or family problems|emotional and mental health concerns].", "A walk-in counselling clinic for children, youth and families[ in {city}|]."],
            fr: &["Counselling et thérapie pour les enfants, les adolescents et leur famille.", "Clinique de counselling sans rendez-vous pour les enfants, les jeunes et les familles."],
        },
        details: Text {
            en: &["Parents can join skill-building groups.", "Services are offered at schools as well as at the office.", "Intensive services are available for children at risk of leaving home."],
            fr: &["Des groupes sont offerts aux parents.", "Les services sont aussi offerts dans les écoles."],
        },
        audiences: &[(Audience::Children, 4), (Audience::Teens, 6)],
        hours: BUSINESS,
        costs: FREE,
        documents: &[Document::HealthCard],
        apply: &[Apply::Call, Apply::WalkIn, Apply::Referral],
    },
    Kind {
        key: "newcomer_settlement",
        weight: 35,
        codes: &["111-01-02", "108-05-01", "108-05"],
        names: Text {
            en: &["Newcomer Settlement Services", "Settlement and Integration Program", "Newcomer Information Centre", "Refugee Support Services", "Settlement Workers in Schools"],
            fr: &["Services d'établissement pour les nouveaux arrivants", "Centre d'accueil des immigrants", "Soutien à l'établissement et à l'intégration"],
        },
        leads: Text {
            en: &[
                "[Settlement workers|Multilingual staff] help newcomers [settle in {city}|get started in Canada] with [housing, health cards, school and work|forms, referrals and information].",
                "Free [settlement|orientation] services for [immigrants, refugees and international students|permanent residents and refugee claimants].",
            ],
            fr: &["Des intervenants en établissement aident les nouveaux arrivants à s'installer à {city} : logement, carte santé, école et emploi.", "Services gratuits d'établissement et d'orientation pour les personnes immigrantes et réfugiées."],
        },
        details: Text {
            en: &[
                "Help filling out [immigration|citizenship|government] forms.",
                "Interpretation is available in many languages.",
                "Referrals to language classes, employment programs and health care.",
                "Workshops on tenant rights, banking and the school system.",
            ],
            fr: &["Aide pour remplir les formulaires d'immigration et de citoyenneté.", "Orientation vers les cours de langue, l'emploi et les soins de santé."],
        },
        audiences: &[(Audience::Newcomers, 1)],
        hours: &[(Hours::Business, 5), (Hours::Extended, 3)],
        costs: FREE,
        documents: &[Document::Immigration, Document::PhotoId],
        apply: &[Apply::WalkIn, Apply::Call, Apply::Online],
    },
    Kind {
        key: "language_classes",
        weight: 18,
        codes: &["109-03-03", "109-06-01"],
        names: Text {
            en: &["English Language Classes for Newcomers", "Language Instruction for Newcomers", "English Conversation Circle", "French Language Training"],
            fr: &["Cours de français pour les nouveaux arrivants", "Formation linguistique pour les nouveaux arrivants", "Cercle de conversation en français"],
        },
        leads: Text {
            en: &["Free [English|French|English and French] classes for adult newcomers, from beginner to advanced.", "[Conversation circles|Language classes] to practise [English|everyday English] and meet other newcomers."],
            fr: &["Cours de français gratuits pour les adultes nouvellement arrivés, du niveau débutant au niveau avancé.", "Cercles de conversation pour pratiquer le français et rencontrer d'autres nouveaux arrivants."],
        },
        details: Text {
            en: &["Childminding is available during classes.", "Classes are offered mornings, evenings and online.", "A language assessment is needed before registering."],
            fr: &["Service de garde pendant les cours.", "Une évaluation linguistique est requise avant l'inscription."],
        },
        audiences: &[(Audience::Newcomers, 1)],
        hours: &[(Hours::Extended, 5), (Hours::Evenings, 3), (Hours::Business, 2)],
        costs: FREE,
        documents: &[Document::Immigration],
        apply: &[Apply::Online, Apply::Call],
    },
    Kind {
        key: "legal_clinic",
        weight: 25,
        codes: &["111-01", "111-04", "111-01-06"],
        names: Text {
            en: &["Community Legal Clinic", "Legal Advice Clinic", "Tenant Legal Services", "Immigration and Refugee Legal Clinic", "Family Law Information Centre"],
            fr: &["Clinique juridique communautaire", "Clinique d'information juridique", "Services juridiques pour locataires"],
        },
        leads: Text {
            en: &[
                "Free legal [advice and representation|information and help] for people with low income on [housing, income support and employment|tenant, social assistance and human rights] problems.",
                "[Lawyers|Lawyers and community legal workers] help with [evictions, ODSP appeals and workplace rights|immigration, refugee and family law matters].",
            ],
            fr: &["Conseils juridiques et représentation gratuits pour les personnes à faible revenu : logement, aide sociale et emploi.", "Des avocates et des travailleurs juridiques aident en matière d'expulsion, d'aide sociale et de droits de la personne."],
        },
        details: Text {
            en: &["Help is available in French at some clinics.", "Public legal education workshops are held monthly.", "The clinic can represent clients at tribunals."],
            fr: &["La clinique peut représenter les clients devant les tribunaux administratifs.", "Des ateliers d'information juridique ont lieu chaque mois."],
        },
        audiences: &[(Audience::LowIncome, 7), (Audience::Newcomers, 2), (Audience::Everyone, 1)],
        hours: &[(Hours::Business, 1)],
        costs: FREE,
        documents: &[Document::ProofOfIncome, Document::PhotoId],
        apply: &[Apply::Call, Apply::WalkIn],
    },
    Kind {
        key: "employment",
        weight: 45,
        codes: &["110-01", "110-03-05", "109-06-04"],
        names: Text {
            en: &["Employment Services", "Job Search Centre", "Employment Resource Centre", "Career Counselling", "Skills Training and Job Placement"],
            fr: &["Services d'emploi", "Centre de recherche d'emploi", "Centre de ressources en emploi", "Orientation professionnelle"],
        },
        leads: Text {
            en: &[
                "Free help to [find a job|find work], [write a resume and prepare for interviews|plan a career or go back to school].",
                "[Employment counsellors|Job developers] connect job seekers with [local employers|training and apprenticeships] in {city} and area.",
            ],
            fr: &["Aide gratuite pour trouver un emploi, rédiger un curriculum vitæ et se préparer aux entrevues.", "Des conseillers en emploi mettent les chercheurs d'emploi en relation avec les employeurs de {city}."],
        },
        details: Text {
            en: &["Computers, phones and printers are free to use for job searches.", "Funding for training, work clothing and transportation may be available.", "Hiring events are held every month.", "Workshops cover resumes, interviews and workplace rights."],
            fr: &["Ordinateurs, téléphones et imprimantes à la disposition des chercheurs d'emploi.", "Des ateliers portent sur le curriculum vitæ et les entrevues."],
        },
        audiences: &[(Audience::Everyone, 7), (Audience::Adults, 2), (Audience::Newcomers, 1)],
        hours: BUSINESS,
        costs: FREE,
        documents: &[Document::Sin, Document::PhotoId],
        apply: &[Apply::WalkIn, Apply::Call, Apply::Online],
    },
    Kind {
        key: "youth_employment",
        weight: 15,
        codes: &["110-01", "109-06", "110-03"],
        names: Text {
            en: &["Youth Employment Program", "Youth Job Connection", "Summer Jobs for Youth"],
            fr: &["Programme d'emploi pour les jeunes", "Emplois d'été pour les jeunes"],
        },
        leads: Text {
            en: &["Paid job training and placements for young people aged [15 to 29|16 to 24] who face barriers to work.", "Helps youth [find a first job|build job skills] with [workshops, mentoring and paid placements|coaching and paid work experience]."],
            fr: &["Formation rémunérée et stages pour les jeunes qui font face à des obstacles à l'emploi."],
        },
        details: Text {
            en: &["Participants receive a training allowance.", "Help with transit passes and work clothing."],
            fr: &["Les participants reçoivent une allocation de formation."],
        },
        audiences: &[(Audience::Youth, 1)],
        hours: &[(Hours::Business, 1)],
        costs: FREE,
        documents: &[Document::Sin],
        apply: &[Apply::Online, Apply::Call],
    },
    Kind {
        key: "income_support",
        weight: 25,
        codes: &["107-03-04", "107-03", "101-02"],
        names: Text {
            en: &["Income Support Help", "Social Assistance Office", "Benefits Navigation", "Emergency Financial Assistance", "Disability Benefits Application Help"],
            fr: &["Aide au revenu", "Bureau d'aide sociale", "Aide pour les demandes de prestations", "Aide financière d'urgence"],
        },
        leads: Text {
            en: &[
                "Help applying for [{income}|government benefits, tax credits and pensions].",
                "[Financial assistance|Emergency funds] for people in {city} who [cannot pay for food, shelter or medication|are in financial crisis].",
                "Caseworkers help people [apply for|appeal decisions about] {income}.",
            ],
            fr: &["Aide pour faire une demande à {income}.", "Aide financière d'urgence pour les personnes en crise financière à {city}."],
        },
        details: Text {
            en: &["Staff can help collect documents and fill out forms.", "Help with appeals of denied applications.", "Benefit screening finds credits you may be missing."],
            fr: &["Le personnel aide à rassembler les documents et à remplir les formulaires."],
        },
        audiences: &[(Audience::LowIncome, 6), (Audience::Disability, 2), (Audience::Everyone, 2)],
        hours: &[(Hours::Business, 1)],
        costs: FREE,
        documents: &[Document::PhotoId, Document::Sin, Document::ProofOfIncome],
        apply: &[Apply::Call, Apply::Online, Apply::WalkIn],
    },
    Kind {
        key: "tax_clinic",
        weight: 12,
        codes: &["107-07", "107-05"],
        names: Text {
            en: &["Free Income Tax Clinic", "Community Volunteer Income Tax Program", "Financial Literacy and Tax Help"],
            fr: &["Comptoir d'impôts gratuit", "Clinique d'impôts bénévole"],
        },
        leads: Text {
            en: &["Volunteers prepare and file [simple income tax returns|tax returns] for free for people with modest income.", "Free tax filing so that families get [benefits and credits|the Canada Child Benefit and GST credit] they are owed."],
            fr: &["Des bénévoles remplissent gratuitement les déclarations de revenus simples des personnes à revenu modeste."],
        },
        details: Text {
            en: &["Returns from past years can also be filed.", "Budgeting workshops are offered year-round."],
            fr: &["Les déclarations des années passées peuvent aussi être produites."],
        },
        audiences: &[(Audience::LowIncome, 1)],
        hours: &[(Hours::Business, 5), (Hours::Evenings, 3), (Hours::Weekend, 2)],
        costs: FREE,
        documents: &[Document::PhotoId, Document::Sin, Document::TaxAssessment],
        apply: &[Apply::Call, Apply::WalkIn],
    },
    Kind {
        key: "community_health_centre",
        weight: 35,
        codes: &["106-06-09", "106-06-04", "106-06-07-08"],
        names: Text {
            en: &["Community Health Centre", "Primary Care Clinic", "Nurse Practitioner-Led Clinic", "Health Clinic for Uninsured People", "Family Health Clinic"],
            fr: &["Centre de santé communautaire", "Clinique de soins primaires", "Clinique dirigée par du personnel infirmier praticien"],
        },
        leads: Text {
            en: &[
                "[Doctors, nurse practitioners and dietitians|A team of doctors, nurses and counsellors] provide primary health care[ in {city}|].",
                "Primary care for people [who have no family doctor|without OHIP coverage|facing barriers to care], including [check-ups, vaccinations and chronic disease care|health assessments and referrals].",
            ],
            fr: &["Des médecins, des infirmières praticiennes et des diététistes offrent des soins de santé primaires à {city}.", "Soins primaires pour les personnes sans médecin de famille, dont examens, vaccins et suivi des maladies chroniques."],
        },
        details: Text {
            en: &[
                "Programs include diabetes education, foot care and mental health support.",
                "Same-day appointments are available for urgent needs.",
                "Uninsured people and newcomers are seen without a health card.",
                "Health promotion groups cover nutrition, exercise and quitting smoking.",
            ],
            fr: &["Programmes d'éducation sur le diabète, soins des pieds et soutien en santé mentale.", "Rendez-vous le jour même pour les besoins urgents."],
        },
        audiences: &[(Audience::Everyone, 7), (Audience::LowIncome, 2), (Audience::Newcomers, 1)],
        hours: &[(Hours::Business, 5), (Hours::Extended, 5)],
        costs: FREE,
        documents: &[Document::HealthCard],
        apply: &[Apply::Call, Apply::Referral, Apply::WalkIn],
    },
    Kind {
        key: "sexual_health",
        weight: 15,
        codes: &["106-06-03", "106-06-04-02", "106-04-06"],
        names: Text {
            en: &["Sexual Health Clinic", "Birth Control and STI Clinic", "Youth Sexual Health Drop-In"],
            fr: &["Clinique de santé sexuelle", "Clinique de contraception et d'ITS"],
        },
        leads: Text {
            en: &["[Confidential|Free, confidential] [birth control, pregnancy tests and STI testing|sexual health services] for [all ages|teens and adults].", "Testing and treatment for sexually transmitted infections, with [low-cost birth control|free condoms]."],
            fr: &["Contraception, tests de grossesse et dépistage des ITS, en toute confidentialité.", "Dépistage et traitement des infections transmissibles sexuellement."],
        },
        details: Text {
            en: &["No health card is needed.", "HIV testing, including anonymous testing, is available.", "PrEP and PEP are offered."],
            fr: &["Aucune carte santé n'est nécessaire.", "Dépistage du VIH, y compris anonyme."],
        },
        audiences: &[(Audience::Everyone, 5), (Audience::Teens, 2), (Audience::Youth, 3)],
        hours: &[(Hours::DropIn, 4), (Hours::Extended, 4), (Hours::Business, 2)],
        costs: &[(Cost::Free, 8), (Cost::Fee(&[5.0, 10.0], Unit::Visit), 2)],
        documents: &[],
        apply: &[Apply::WalkIn, Apply::Call],
    },
    Kind {
        key: "dental",
        weight: 15,
        codes: &["106-02", "106-05-03"],
        names: Text {
            en: &["Community Dental Clinic", "Low-Cost Dental Program", "Dental Care for Children and Seniors"],
            fr: &["Clinique dentaire communautaire", "Soins dentaires à faible coût"],
        },
        leads: Text {
            en: &["[Low-cost|Free] dental care for [adults and seniors|children and seniors] with low income who have no dental insurance.", "Check-ups, cleanings, fillings and extractions for people who cannot afford a private dentist."],
            fr: &["Soins dentaires à faible coût pour les personnes à faible revenu sans assurance dentaire."],
        },
        details: Text {
            en: &["Emergency dental appointments are held every morning.", "Help applying to public dental programs is available.", "Dentures can be arranged at reduced cost."],
            fr: &["Des rendez-vous d'urgence sont offerts chaque matin."],
        },
        audiences: &[(Audience::LowIncome, 5), (Audience::Seniors, 2), (Audience::Children, 2), (Audience::Everyone, 1)],
        hours: &[(Hours::Business, 1)],
        costs: &[(Cost::Sliding(&[20.0, 30.0, 40.0], Unit::Visit), 6), (Cost::Free, 4)],
        documents: &[Document::HealthCard, Document::ProofOfIncome],
        apply: &[Apply::Call, Apply::Referral],
    },
    Kind {
        key: "disability_supports",
        weight: 28,
        codes: &["106-04-07", "104-05-01", "110-04"],
        names: Text {
            en: &["Developmental Services", "Independent Living Services", "Assistive Devices Program Help", "Supported Employment for People with Disabilities", "Accessible Recreation Program"],
            fr: &["Services aux personnes ayant une déficience intellectuelle", "Services de vie autonome", "Emploi assisté pour les personnes handicapées"],
        },
        leads: Text {
            en: &[
                "Supports for [adults with developmental disabilities|people with physical disabilities] to [live independently|take part in community life|find and keep a job].",
                "[Attendant care|Assistive devices, mobility aids] and advice for people with disabilities in {city} and area.",
            ],
            fr: &["Soutien aux adultes ayant une déficience intellectuelle pour vivre de façon autonome et participer à la vie communautaire.", "Aides techniques, aides à la mobilité et conseils pour les personnes handicapées."],
        },
        details: Text {
            en: &["Help applying for disability benefits and funding programs.", "Respite is available for families.", "Sign language interpretation can be arranged.", "Day programs focus on life skills and recreation."],
            fr: &["Aide pour les demandes de prestations d'invalidité.", "Service de répit pour les familles."],
        },
        audiences: &[(Audience::Disability, 8), (Audience::Adults, 2)],
        hours: &[(Hours::Business, 1)],
        costs: &[(Cost::Free, 7), (Cost::Sliding(&[5.0, 10.0], Unit::Session), 3)],
        documents: &[Document::HealthCard],
        apply: &[Apply::Referral, Apply::Call, Apply::Online],
    },
    Kind {
        key: "early_years",
        weight: 25,
        codes: &["106-04-05", "108-03-06", "109-04"],
        names: Text {
            en: &["{early_years}", "Playgroups for Young Children", "Family Resource Centre", "Parent and Child Drop-In"],
            fr: &["{early_years}", "Halte-garderie et groupes de jeu", "Centre de ressources familiales"],
        },
        leads: Text {
            en: &[
                "Free [play-based programs|drop-in playgroups] for children from birth to 6 and their parents or caregivers.",
                "[Parents and caregivers|Families] can [play, learn and connect|get parenting advice] with [early childhood educators|other families] at the {early_years}.",
            ],
            fr: &["Programmes gratuits axés sur le jeu pour les enfants de 0 à 6 ans et leurs parents.", "Les familles peuvent jouer, apprendre et échanger avec des éducatrices de la petite enfance."],
        },
        details: Text {
            en: &["Programs include baby talk, music and story time.", "Early years staff can answer questions about child development.", "Workshops for expectant and new parents are offered monthly."],
            fr: &["Programmes : comptines, musique et heure du conte.", "Ateliers pour futurs et nouveaux parents."],
        },
        audiences: &[(Audience::YoungFamilies, 1)],
        hours: &[(Hours::Business, 5), (Hours::Weekend, 2), (Hours::DropIn, 3)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::WalkIn, Apply::Online],
    },
    Kind {
        key: "parenting",
        weight: 18,
        codes: &["106-04-05", "106-06-05", "108-07-09-03"],
        names: Text {
            en: &["Parenting Programs", "Prenatal Classes", "Healthy Babies Healthy Children", "Parent Support Line"],
            fr: &["Programmes de compétences parentales", "Cours prénataux", "Bébés en santé, enfants en santé"],
        },
        leads: Text {
            en: &["[Group programs|Home visits] to help parents [build confidence and skills|raise healthy children] from pregnancy to [age 6|the teen years].", "[Public health nurses|Family visitors] support [pregnant people and new parents|families with young children]."],
            fr: &["Des infirmières de la santé publique soutiennent les futurs et nouveaux parents.", "Programmes de groupe pour aider les parents à développer leurs compétences."],
        },
        details: Text {
            en: &["Breastfeeding support is available.", "Programs run in the evening for working parents."],
            fr: &["Soutien à l'allaitement offert."],
        },
        audiences: &[(Audience::YoungFamilies, 6), (Audience::Everyone, 4)],
        hours: &[(Hours::Business, 6), (Hours::Evenings, 4)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::Call, Apply::Online, Apply::Referral],
    },
    Kind {
        key: "child_care_subsidy",
        weight: 10,
        codes: &["108-03-03-04", "108-03-03"],
        names: Text {
            en: &["Child Care Fee Subsidy", "Child Care Registry and Subsidy"],
            fr: &["Subvention pour frais de garde d'enfants", "Registre et subvention de garde d'enfants"],
        },
        leads: Text {
            en: &["Help paying for licensed child care for eligible families in {city} and area.", "Apply for a [child care fee subsidy|spot on the child care waiting list] and find licensed child care."],
            fr: &["Aide pour payer les frais de garde agréée pour les familles admissibles de {city}."],
        },
        details: Text {
            en: &["The subsidy is based on family income.", "Families can search for licensed centres and home child care online."],
            fr: &["La subvention dépend du revenu familial."],
        },
        audiences: &[(Audience::Children, 6), (Audience::LowIncome, 4)],
        hours: &[(Hours::Business, 1)],
        costs: FREE,
        documents: &[Document::ProofOfIncome, Document::BirthCertificate, Document::TaxAssessment],
        apply: &[Apply::Online, Apply::Call],
    },
    Kind {
        key: "hospice_bereavement",
        weight: 12,
        codes: &["106-03-03", "106-03-01"],
        names: Text {
            en: &["Hospice Palliative Care", "Grief and Bereavement Support", "Visiting Hospice Volunteers"],
            fr: &["Soins palliatifs", "Soutien au deuil", "Bénévoles en soins palliatifs"],
        },
        leads: Text {
            en: &["[Compassionate|Free] support for people with a life-limiting illness and their families[ at home or in hospice|].", "Grief support [groups|counselling] for adults and children who have lost someone."],
            fr: &["Soutien aux personnes atteintes d'une maladie grave et à leurs proches, à domicile ou en maison de soins palliatifs.", "Groupes de soutien au deuil pour adultes et enfants."],
        },
        details: Text {
            en: &["Trained volunteers visit at home.", "Complementary therapies are offered."],
            fr: &["Des bénévoles formés se rendent à domicile."],
        },
        audiences: &[(Audience::Everyone, 7), (Audience::Caregivers, 3)],
        hours: &[(Hours::Business, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::Call, Apply::Referral],
    },
    Kind {
        key: "medical_transportation",
        weight: 12,
        codes: &["105-02-01", "106-05-07"],
        names: Text {
            en: &["Medical Transportation", "Volunteer Driver Program", "Accessible Transportation"],
            fr: &["Transport médical", "Programme de chauffeurs bénévoles", "Transport adapté"],
        },
        leads: Text {
            en: &["Volunteer drivers take [seniors|seniors and people with disabilities] to medical appointments[ in {city} and area|].", "[Accessible|Door-to-door] rides to [medical appointments, shopping and day programs|hospital and clinic visits]."],
            fr: &["Des chauffeurs bénévoles conduisent les aînés à leurs rendez-vous médicaux.", "Transport adapté porte-à-porte vers les rendez-vous médicaux."],
        },
        details: Text {
            en: &["Book at least [48 hours|three business days] ahead.", "Wheelchair-accessible vans are available."],
            fr: &["Réservez au moins 48 heures à l'avance."],
        },
        audiences: &[(Audience::Seniors, 6), (Audience::Disability, 4)],
        hours: &[(Hours::Business, 1)],
        costs: &[(Cost::Fee(&[5.0, 10.0, 15.0], Unit::Trip), 6), (Cost::Free, 4)],
        documents: &[],
        apply: &[Apply::Call],
    },
    Kind {
        key: "clothing",
        weight: 12,
        codes: &["104-02", "104-03-04"],
        names: Text {
            en: &["Clothing Bank", "Free Clothing and Household Goods", "Baby Supplies Bank"],
            fr: &["Comptoir vestimentaire", "Vêtements et articles ménagers gratuits"],
        },
        leads: Text {
            en: &["Free [clothing, footwear and winter coats|gently used clothing and household items] for people in need.", "Free [diapers, formula and baby clothing|clothing and hygiene products] for families[ in {city}|]."],
            fr: &["Vêtements, chaussures et manteaux d'hiver gratuits pour les personnes dans le besoin."],
        },
        details: Text {
            en: &["Donations are accepted during open hours.", "Work clothing is available for job interviews."],
            fr: &["Les dons sont acceptés pendant les heures d'ouverture."],
        },
        audiences: &[(Audience::Everyone, 7), (Audience::LowIncome, 3)],
        hours: &[(Hours::FoodBank, 5), (Hours::DropIn, 5)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::WalkIn],
    },
    Kind {
        key: "indigenous_wellness",
        weight: 12,
        codes: &["108-07-08", "106-06-07-01", "108-07-06"],
        names: Text {
            en: &["Indigenous Friendship Centre Programs", "Indigenous Healing and Wellness Program", "Traditional Healing Services"],
            fr: &["Programmes du Centre d'amitié autochtone", "Programme de guérison et de mieux-être autochtone"],
        },
        leads: Text {
            en: &["Culturally based [healing and wellness|health, family and housing] programs for Indigenous people[ in {city}|].", "[Elders, traditional healers and counsellors|Cultural workers] offer support grounded in [Indigenous teachings|traditional knowledge]."],
            fr: &["Programmes de guérison et de mieux-être fondés sur la culture, pour les Autochtones de {city}."],
        },
        details: Text {
            en: &["Ceremonies, sharing circles and land-based programs are held regularly.", "Help with housing, employment and justice issues."],
            fr: &["Cérémonies, cercles de partage et programmes sur le territoire."],
        },
        audiences: &[(Audience::Indigenous, 1)],
        hours: &[(Hours::Business, 1)],
        costs: FREE,
        documents: &[],
        apply: &[Apply::WalkIn, Apply::Call],
    },
];

/// Sentences any service may add.
pub(crate) const GENERAL: Text = Text {
    en: &[
        "Interpretation can be arranged on request.",
        "Staff can also help with referrals to other community services.",
        "All services are confidential.",
        "The office is close to public transit.",
        "Call ahead to confirm hours on statutory holidays.",
        "Virtual appointments are available by phone or video.",
        "Free parking is available on site.",
        "Services are offered in person and over the phone.",
        "A worker can meet clients at home or in the community.",
        "Childminding can be arranged during appointments.",
        "Service animals are welcome.",
        "Transportation help may be available for people who live outside {city}.",
        "Staff are trained in trauma-informed care.",
        "2SLGBTQIA+ people are welcome and supported.",
        "Evening appointments are available on request.",
        "Volunteers are welcome; training is provided.",
    ],
    fr: &[
        "Des services d'interprétation peuvent être organisés sur demande.",
        "Le personnel peut aussi orienter vers d'autres services communautaires.",
        "Tous les services sont confidentiels.",
        "Veuillez téléphoner pour confirmer l'horaire les jours fériés.",
        "Des rendez-vous virtuels sont offerts par téléphone ou par vidéo.",
        "Les animaux d'assistance sont les bienvenus.",
        "Les personnes 2SLGBTQIA+ sont les bienvenues.",
        "Des rendez-vous en soirée sont possibles sur demande.",
        "Une aide au transport peut être offerte aux personnes qui habitent à l'extérieur de {city}.",
    ],
};

/// The marker that ends every synthetic description.
pub const SYNTHETIC_MARKER: &str = "(Synthetic example record.)";

/// First halves of fictional organization names.
pub(crate) const ORG_NAMES_EN: &[&str] = &[
    "Cedar Grove",
    "Birchwood",
    "Willow Bend",
    "Stonebridge",
    "Harbourlight",
    "Northstar",
    "Trillium Path",
    "Lakeshore Commons",
    "Pinecrest",
    "Silver Birch",
    "Riverbend",
    "Greenfield",
    "Fairhaven",
    "Maple Hollow",
    "Bluejay",
    "Open Door",
    "Lantern",
    "Kestrel",
    "Meadowlark",
    "Granite Ridge",
    "Second Harvest Lane",
    "Sunrise",
    "Wayfinder",
    "Hearthstone",
    "Tamarack",
    "Juniper",
    "Kingfisher",
    "Beacon Hill",
    "Oak Street",
    "Bridgeway",
    "Heron Bay",
    "Compass Rose",
    "Goldenrod",
    "Three Rivers",
    "Cornerstone",
    "Thistle",
    "Westwind",
    "Hillcrest",
    "Elmwood",
    "Starling",
    "Harvest Moon",
    "Red Pine",
    "Clearwater",
    "Loon Lake",
    "Amberlight",
    "Wildflower",
    "Aspen Grove",
    "Portage",
    "Lighthouse",
    "Evergreen Valley",
];

/// Second halves of fictional organization names.
pub(crate) const ORG_KINDS_EN: &[&str] = &[
    "Community Services",
    "Family Centre",
    "Health Collective",
    "Outreach Network",
    "Neighbourhood House",
    "Support Society",
    "Community Association",
    "Wellness Centre",
    "Community Health Centre",
    "Family Services",
    "Housing Co-operative",
    "Mission",
    "Community Resource Centre",
    "Social Services Agency",
    "Care Network",
    "Seniors' Association",
    "Youth Services",
    "Settlement Agency",
];

/// First halves of fictional French organization names.
pub(crate) const ORG_NAMES_FR: &[&str] = &[
    "Les Érables",
    "Le Phare",
    "L'Aube",
    "La Passerelle",
    "Le Carrefour du Nord",
    "Le Pont",
    "Les Trois Rivières",
    "La Boussole",
    "Le Rucher",
    "La Source",
    "Le Sentier",
    "Les Bouleaux",
    "L'Envol",
    "La Croisée",
    "Le Fanal",
    "Les Pins gris",
    "La Clairière",
    "L'Escale",
];

/// Second halves of fictional French organization names (placed first).
pub(crate) const ORG_KINDS_FR: &[&str] = &[
    "Centre communautaire",
    "Centre de santé communautaire",
    "Services à la famille",
    "Maison",
    "Réseau d'entraide",
    "Centre de ressources",
    "Services communautaires",
    "Association",
    "Carrefour",
];

/// English street names.
pub(crate) const STREETS_EN: &[&str] = &[
    "Main Street",
    "King Street",
    "Queen Street",
    "Elm Street",
    "Victoria Avenue",
    "Church Street",
    "Water Street",
    "Lakeshore Road",
    "Wellington Street",
    "Dundas Street",
    "Front Street",
    "Albert Street",
    "Mill Street",
    "Park Avenue",
    "Ontario Street",
    "Centre Street",
    "Bay Street",
    "Maple Avenue",
    "Pine Street",
    "Cedar Street",
    "Durham Street",
    "John Street",
    "George Street",
    "Brock Street",
    "Division Street",
    "Railway Street",
    "Bridge Street",
    "First Avenue",
    "Second Avenue",
    "Riverside Drive",
    "College Street",
    "Hospital Road",
    "Regent Street",
    "Notre Dame Avenue",
    "Elgin Street",
    "Simcoe Street",
    "Hurontario Street",
    "Yonge Street",
    "Bloor Street",
    "Erie Street",
    "Paris Street",
    "Algonquin Boulevard",
];

/// French street names.
pub(crate) const STREETS_FR: &[&str] = &[
    "rue Principale",
    "rue Notre-Dame",
    "rue Saint-Jean",
    "boulevard Lasalle",
    "rue Laurier",
    "rue de l'Église",
    "rue Champlain",
    "avenue du Parc",
    "rue des Érables",
    "rue Cartier",
    "rue Sainte-Anne",
    "chemin du Lac",
    "rue Frontenac",
    "boulevard de la Rivière",
];

/// Street suffixes ("West").
pub(crate) const STREET_SUFFIXES: &[&str] =
    &["", "", "", "", "", "", " North", " South", " East", " West"];

/// A language a service may be offered in: ISO 639-1 code and English name.
pub(crate) type Lang = (&'static str, &'static str);

/// English.
pub(crate) const ENGLISH: Lang = ("en", "English");
/// French.
pub(crate) const FRENCH: Lang = ("fr", "French");

/// Languages of large immigrant communities, with weights, by area.
pub(crate) fn community_languages(area: Area) -> &'static [(Lang, u32)] {
    match area {
        Area::Toronto => &[
            (("zh", "Chinese"), 10),
            (("es", "Spanish"), 8),
            (("pt", "Portuguese"), 6),
            (("tl", "Tagalog"), 6),
            (("ta", "Tamil"), 6),
            (("ar", "Arabic"), 6),
            (("fa", "Persian"), 5),
            (("so", "Somali"), 4),
            (("ur", "Urdu"), 4),
            (("ru", "Russian"), 4),
            (("uk", "Ukrainian"), 3),
            (("ko", "Korean"), 3),
            (("am", "Amharic"), 3),
            (("ti", "Tigrinya"), 2),
            (("vi", "Vietnamese"), 3),
            (("it", "Italian"), 3),
            (("pl", "Polish"), 2),
            (("bn", "Bengali"), 3),
            (("hi", "Hindi"), 3),
            (("el", "Greek"), 1),
            (("tr", "Turkish"), 1),
        ],
        Area::Peel => &[
            (("pa", "Punjabi"), 12),
            (("ur", "Urdu"), 8),
            (("hi", "Hindi"), 6),
            (("gu", "Gujarati"), 4),
            (("ar", "Arabic"), 6),
            (("tl", "Tagalog"), 5),
            (("pl", "Polish"), 3),
            (("pt", "Portuguese"), 3),
            (("zh", "Chinese"), 4),
            (("ta", "Tamil"), 4),
            (("es", "Spanish"), 4),
            (("vi", "Vietnamese"), 2),
        ],
        Area::York => &[
            (("zh", "Chinese"), 14),
            (("fa", "Persian"), 6),
            (("ta", "Tamil"), 5),
            (("ru", "Russian"), 4),
            (("it", "Italian"), 3),
            (("ko", "Korean"), 3),
            (("he", "Hebrew"), 2),
            (("ur", "Urdu"), 3),
            (("hi", "Hindi"), 2),
            (("tl", "Tagalog"), 2),
        ],
        Area::OntarioCity => &[
            (("ar", "Arabic"), 8),
            (("es", "Spanish"), 6),
            (("zh", "Chinese"), 5),
            (("pt", "Portuguese"), 3),
            (("so", "Somali"), 3),
            (("vi", "Vietnamese"), 2),
            (("pl", "Polish"), 3),
            (("pa", "Punjabi"), 3),
            (("ne", "Nepali"), 2),
            (("sw", "Swahili"), 2),
            (("uk", "Ukrainian"), 3),
            (("fa", "Persian"), 2),
            (("ti", "Tigrinya"), 1),
            (("hr", "Croatian"), 1),
        ],
        Area::Montreal => &[
            (("ar", "Arabic"), 10),
            (("es", "Spanish"), 8),
            (("ht", "Haitian Creole"), 6),
            (("zh", "Chinese"), 5),
            (("it", "Italian"), 4),
            (("pt", "Portuguese"), 3),
            (("vi", "Vietnamese"), 3),
            (("el", "Greek"), 2),
            (("ro", "Romanian"), 2),
            (("fa", "Persian"), 2),
            (("ru", "Russian"), 2),
        ],
        Area::Vancouver => &[
            (("zh", "Chinese"), 14),
            (("pa", "Punjabi"), 10),
            (("tl", "Tagalog"), 6),
            (("ko", "Korean"), 4),
            (("fa", "Persian"), 4),
            (("vi", "Vietnamese"), 3),
            (("hi", "Hindi"), 3),
            (("es", "Spanish"), 3),
            (("ja", "Japanese"), 2),
        ],
        Area::PrairieCity => &[
            (("tl", "Tagalog"), 10),
            (("pa", "Punjabi"), 8),
            (("zh", "Chinese"), 5),
            (("ar", "Arabic"), 5),
            (("es", "Spanish"), 4),
            (("uk", "Ukrainian"), 4),
            (("ur", "Urdu"), 3),
            (("so", "Somali"), 2),
            (("am", "Amharic"), 2),
            (("vi", "Vietnamese"), 2),
            (("cr", "Cree"), 1),
        ],
        Area::Other => &[
            (("ar", "Arabic"), 3),
            (("es", "Spanish"), 3),
            (("de", "German"), 2),
            (("uk", "Ukrainian"), 2),
            (("zh", "Chinese"), 2),
            (("oj", "Ojibwe"), 1),
            (("cr", "Cree"), 1),
            (("nl", "Dutch"), 1),
        ],
    }
}

/// A kind of community, for its languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Area {
    Toronto,
    Peel,
    York,
    OntarioCity,
    Montreal,
    Vancouver,
    PrairieCity,
    Other,
}

impl Area {
    /// The area a community belongs to, and how likely a service there is to
    /// offer a language other than English and French.
    pub fn of(name: &str, fsa: &str, province: &str) -> (Area, f64) {
        match (province, name) {
            (
                "ON",
                "Toronto" | "North York" | "Scarborough" | "Etobicoke" | "York" | "East York",
            ) => (Area::Toronto, 0.55),
            ("ON", "Mississauga" | "Brampton" | "Malton" | "Bolton") => (Area::Peel, 0.55),
            (
                "ON",
                "Markham" | "Richmond Hill" | "Thornhill" | "Vaughan" | "Woodbridge" | "Concord"
                | "Maple" | "Unionville",
            ) => (Area::York, 0.5),
            (
                "ON",
                "Ottawa" | "Nepean" | "Gloucester" | "Hamilton" | "London" | "Windsor"
                | "Kitchener" | "Waterloo" | "Cambridge" | "Guelph" | "Ajax" | "Pickering"
                | "Oakville" | "Burlington" | "Milton" | "Oshawa" | "Whitby" | "St Catharines"
                | "Niagara Falls",
            ) => (Area::OntarioCity, 0.3),
            ("QC", _) if fsa.starts_with('H') => (Area::Montreal, 0.4),
            ("BC", _)
                if fsa.starts_with("V5") || fsa.starts_with("V6") || fsa.starts_with("V3") =>
            {
                (Area::Vancouver, 0.5)
            }
            ("AB" | "MB" | "SK", _) if fsa.as_bytes().get(1) != Some(&b'0') => {
                (Area::PrairieCity, 0.3)
            }
            _ => (Area::Other, 0.06),
        }
    }
}

/// How francophone a community is, 0 to 1: the chance that a service there
/// offers French. Ontario's designated French-language areas are high.
pub(crate) fn francophone_share(name: &str, fsa: &str, province: &str) -> f64 {
    match province {
        "QC" => {
            if fsa.starts_with('H') || name.contains("Westmount") || name.contains("Pointe-Claire")
            {
                0.85
            } else {
                0.98
            }
        }
        "NB" => 0.4,
        "ON" => match name {
            "Hawkesbury"
            | "Hearst"
            | "Kapuskasing"
            | "Casselman"
            | "Embrun"
            | "Rockland"
            | "Alfred"
            | "Plantagenet"
            | "Limoges"
            | "Bourget"
            | "Clarence Creek"
            | "St Albert"
            | "Moonbeam"
            | "Val Rita"
            | "Mattice"
            | "Opasatika"
            | "Fauquier"
            | "Smooth Rock Falls"
            | "Sturgeon Falls"
            | "Verner"
            | "Noelville"
            | "Chelmsford"
            | "Azilda"
            | "Hanmer"
            | "Vankleek Hill"
            | "L'Orignal"
            | "Saint-Pascal-Baylon"
            | "Crysler"
            | "Sarsfield"
            | "Wendover"
            | "Lefaivre"
            | "St Isidore"
            | "Alexandria"
            | "Val Cote"
            | "Hallebourg"
            | "Jogues"
            | "Dubreuilville"
            | "Mattawa"
            | "Penetanguishene" => 0.85,
            "Sudbury" | "Timmins" | "Cornwall" | "Orleans" | "Vanier" | "North Bay" | "Welland"
            | "Kirkland Lake" | "Cochrane" | "Val Caron" | "Capreol" | "Elliot Lake" => 0.55,
            "Ottawa" | "Gloucester" | "Nepean" | "Kanata" | "Windsor" | "Sault Ste. Marie"
            | "Pembroke" => 0.35,
            _ if fsa.starts_with("K0B") => 0.6,
            _ => 0.08,
        },
        "MB" if fsa == "R2H" || fsa == "R2J" => 0.5,
        _ => 0.03,
    }
}

/// The province's income assistance programmes, in English and French.
pub(crate) fn income_programs(province: &str) -> (&'static str, &'static str) {
    match province {
        "ON" => (
            "Ontario Works and the Ontario Disability Support Program (ODSP)",
            "Ontario au travail et au Programme ontarien de soutien aux personnes handicapées (POSPH)",
        ),
        "QC" => ("social assistance and the solidarity program", "l'aide sociale et au programme de solidarité sociale"),
        "BC" => ("BC income and disability assistance", "l'aide au revenu et aux personnes handicapées de la C.-B."),
        "AB" => ("Income Support and AISH", "Soutien du revenu et AISH"),
        _ => ("provincial income and disability assistance", "l'aide sociale provinciale"),
    }
}

/// The name of the province's early-years centres, in English and French.
pub(crate) fn early_years_centre(province: &str) -> (&'static str, &'static str) {
    match province {
        "ON" => (
            "EarlyON Child and Family Centre",
            "Centre ON y va pour l'enfant et la famille",
        ),
        "QC" => ("Family Resource Centre", "Maison de la famille"),
        _ => ("Family Resource Centre", "Centre de ressources familiales"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Taxonomy;

    #[test]
    fn every_kind_uses_real_open_eligibility_codes() {
        let taxonomy = Taxonomy::open_eligibility().unwrap();
        for kind in KINDS {
            assert!(!kind.codes.is_empty(), "{}", kind.key);
            for code in kind.codes {
                assert!(taxonomy.contains(code), "{}: {code}", kind.key);
            }
        }
    }

    #[test]
    fn every_kind_has_text_in_both_languages_and_choices() {
        for kind in KINDS {
            for text in [kind.names, kind.leads, kind.details] {
                assert!(!text.en.is_empty() && !text.fr.is_empty(), "{}", kind.key);
            }
            assert!(
                !kind.audiences.is_empty() && !kind.hours.is_empty(),
                "{}",
                kind.key
            );
            assert!(
                !kind.costs.is_empty() && !kind.apply.is_empty(),
                "{}",
                kind.key
            );
            assert!(kind.weight > 0);
        }
    }

    #[test]
    fn the_required_categories_are_covered() {
        let keys: Vec<&str> = KINDS.iter().map(|k| k.key).collect();
        for key in [
            "food_bank",
            "community_meals",
            "emergency_shelter",
            "womens_shelter",
            "counselling",
            "crisis_line",
            "withdrawal_management",
            "home_care",
            "seniors_centre",
            "youth_drop_in",
            "newcomer_settlement",
            "legal_clinic",
            "employment",
            "income_support",
            "community_health_centre",
            "disability_supports",
            "early_years",
        ] {
            assert!(keys.contains(&key), "{key}");
        }
    }

    #[test]
    fn francophone_areas_are_known() {
        assert!(francophone_share("Hawkesbury", "K6A", "ON") > 0.8);
        assert!(francophone_share("Sudbury", "P3E", "ON") > 0.5);
        assert!(francophone_share("Kingston", "K7L", "ON") < 0.1);
        assert!(francophone_share("Quebec", "G1R", "QC") > 0.9);
    }
}
