//! A table of real name pairs across Russian, English, French and German spellings.

use super::{NameKey, same_person};

/// Pairs that name one person.
const SAME: &[(&str, &str)] = &[
    ("Владимир Путин", "Vladimir Putin"),
    ("Vladimir Putin", "Vladimir Poutine"),
    ("В.Путин", "Vladimir Putin"),
    ("В.В.Путин", "Wladimir Putin"),
    ("Путин Владимир Владимирович", "Vladimir Putin"),
    ("Александр Лукашенко", "Alexandre Loukachenko"),
    ("Alexander Lukashenko", "Alexander Lukaschenko"),
    ("Сергей Шойгу", "Sergueï Choïgou"),
    ("Sergei Shoigu", "Sergej Schoigu"),
    ("Дмитрий Песков", "Dmitry Peskov"),
    ("Dmitri Peskov", "Dmitrij Peskow"),
    ("Сергей Лавров", "Sergey Lavrov"),
    ("Sergei Lavrov", "Sergej Lawrow"),
    ("Дмитрий Медведев", "Dmitri Medvedev"),
    ("Dmitry Medvedev", "Dmitri Medwedew"),
    ("Михаил Мишустин", "Mikhaïl Michoustine"),
    ("Mikhail Mishustin", "Michail Mischustin"),
    ("Эльвира Набиуллина", "Elvira Nabioullina"),
    ("Валентина Матвиенко", "Valentina Matviyenko"),
    ("Valentina Matvienko", "Walentina Matwijenko"),
    ("Вячеслав Володин", "Viatcheslav Volodine"),
    ("Сергей Нарышкин", "Sergueï Narychkine"),
    ("Антон Силуанов", "Anton Silouanov"),
    ("Андрей Белоусов", "Andreï Belooussov"),
    ("Юрий Ушаков", "Yuri Ushakov"),
    ("Yuri Ushakov", "Iouri Ouchakov"),
    ("Ю.Ушаков", "Yury Ushakov"),
    ("Евгений Примаков", "Yevgeny Primakov"),
    ("Yevgeny Primakov", "Evgueni Primakov"),
    ("Е.Примаков", "Yevgeny Primakov"),
    ("Владимир Жириновский", "Vladimir Zhirinovsky"),
    ("Михаил Горбачёв", "Mikhail Gorbachev"),
    ("Mikhail Gorbachev", "Mikhaïl Gorbatchev"),
    ("Владимир Зеленский", "Vladimir Zelensky"),
    ("Vladimir Zelensky", "Vladimir Zelenski"),
    ("Мария Захарова", "Maria Zakharova"),
    ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев"),
    ("Putin", "Vladimir Putin"),
    ("Mr Peskov", "Dmitry Peskov"),
];

/// Pairs that name two people.
const DIFFERENT: &[(&str, &str)] = &[
    ("Сергей Иванов", "Sergei Ivanova"),
    ("Sergei Ivanov", "Anna Ivanova"),
    ("Дмитрий Медведев", "Dmitry Peskov"),
    ("Сергей Лавров", "Sergei Ryabkov"),
    ("Юрий Ушаков", "Anton Ushakov"),
    ("В.Путин", "Sergei Lavrov"),
    ("Alexander Novak", "Alexander Nikolaev"),
];

#[test]
fn real_spellings_of_one_person_match() {
    let missed: Vec<_> = SAME.iter().filter(|(a, b)| !same_person(a, b)).collect();
    assert!(
        missed.is_empty(),
        "not matched: {:?}",
        missed
            .iter()
            .map(|(a, b)| (NameKey::of(a), NameKey::of(b)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn different_people_stay_apart() {
    let merged: Vec<_> = DIFFERENT
        .iter()
        .filter(|(a, b)| same_person(a, b))
        .collect();
    assert!(merged.is_empty(), "merged: {merged:?}");
}

#[test]
fn a_name_without_letters_has_no_key() {
    assert_eq!(NameKey::of("— . —"), None);
    assert!(!same_person("", "Putin"));
}
