//! The words page chrome is made of, in English, French and Russian (folded: lowercase, no
//! accents, see [`crate::text::fold`]). Data only: the rules are in the sibling modules.

/// Navigation links a copied page starts with.
pub(crate) const NAVIGATION: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip navigation",
    "skip to main navigation",
    "aller au contenu",
    "aller au contenu principal",
    "passer au contenu",
    "перейти к содержанию",
    "перейти к основному содержанию",
    "перейти к содержимому",
];

/// Words of a share-button row.
pub(crate) const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "telegram",
    "whatsapp",
    "linkedin",
    "vk",
    "vkontakte",
    "вконтакте",
    "ok",
    "одноклассники",
    "email",
    "e-mail",
    "mail",
    "print",
    "share",
    "partager",
    "imprimer",
    "поделиться",
    "печать",
    "reddit",
    "+",
    "copy link",
];

/// Labels that open the closing block of an official site's page, each alone on its line.
pub(crate) const FOOTER_LABELS: &[&str] = &[
    "publication status",
    "statut de publication",
    "статус публикации",
    "text version",
    "version texte",
    "текстовая версия",
    "print version",
    "version imprimable",
    "версия для печати",
];

/// Labels of the closing block that carry a value after a colon.
pub(crate) const FOOTER_FIELDS: &[&str] = &[
    "published in sections",
    "published in section",
    "published in",
    "publie dans les sections",
    "publie dans la section",
    "publie dans",
    "опубликован в разделах",
    "опубликован в разделе",
    "опубликовано в разделах",
    "publication date",
    "date de publication",
    "дата публикации",
    "direct link",
    "lien direct",
    "прямая ссылка",
];

/// The footer fields whose value is the page's address.
pub(crate) const DIRECT_LINK_FIELDS: &[&str] = &["direct link", "lien direct", "прямая ссылка"];

/// The label of a "See also" box.
pub(crate) const SEE_ALSO: &[&str] = &[
    "see also",
    "voir aussi",
    "a voir aussi",
    "смотрите также",
    "см. также",
    "читайте также",
];

/// Front matter keys, by what they give.
pub(crate) const TITLE_KEYS: &[&str] = &["title"];
/// Front matter keys for the date.
pub(crate) const DATE_KEYS: &[&str] = &["date", "published", "pubdate"];
/// Front matter keys for the page's address.
pub(crate) const URL_KEYS: &[&str] = &["source", "url", "link", "canonical", "source_url"];
/// Front matter keys for tags.
pub(crate) const TAG_KEYS: &[&str] = &["tags", "keywords", "categories", "topics"];

/// Photo credit markers that can stand alone at the start of a line.
pub(crate) const CREDIT_MARKERS: &[&str] = &["photo", "photos", "фото", "photo by", "photograph"];
