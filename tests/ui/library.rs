//! A folder opened as a library: its transcripts listed (the broken one with its error),
//! the first one open at once, another opened by a click, people across files.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::StenogramApp;

use crate::common::app_on_folder;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// A folder with transcripts in nested folders and a file that is not a transcript.
fn library_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let copy = |from: &str, to: &str| {
        let target = dir.path().join(to);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        std::fs::copy(fixture(from), &target).unwrap_or_else(|e| panic!("copy {from}: {e}"));
    };
    copy("kremlin_en.txt", "2024/a_kremlin_en.txt");
    copy("kremlin_fr.txt", "2024/b_kremlin_fr.txt");
    copy("briefing_en.txt", "2025/c_briefing_en.txt");
    std::fs::write(
        dir.path().join("2025/d_broken.txt"),
        [0u8, 159, 146, 150, 0, 0],
    )
    .unwrap_or_else(|e| panic!("write: {e}"));
    dir
}

#[test]
fn a_folder_opens_as_a_library_with_its_first_transcript_readable() {
    let dir = library_folder();
    let mut harness = app_on_folder(dir.path());
    let app = harness.state();
    assert!(app.library_panel().is_open());
    // The first readable file (in path order) is open.
    let first = app
        .document()
        .map(|d| d.transcript.title.clone())
        .unwrap_or_default();
    assert!(!first.is_empty());
    harness.get_by_label("Library");
    harness.get_by_label("4 files · 1 could not be read");
    // Every file is listed; the broken one says why.
    let rows: Vec<String> = harness
        .query_all(By::new().role(Role::Button).label_contains(" speeches"))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    harness.get_by_label_contains("d_broken.txt: ");

    // Clicking another file opens it.
    let briefing = rows
        .iter()
        .find(|r| !r.starts_with(&first))
        .cloned()
        .unwrap_or_else(|| panic!("another file in {rows:?}"));
    harness
        .get_by_role_and_label(Role::Button, &briefing)
        .click();
    for _ in 0..400 {
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
    let now = harness
        .state()
        .document()
        .map(|d| d.transcript.title.clone())
        .unwrap_or_default();
    assert_ne!(now, first);
    assert!(briefing.starts_with(&now), "{briefing} / {now}");
}

#[test]
fn the_filter_narrows_the_files_and_people_span_files() {
    let dir = library_folder();
    let mut harness = app_on_folder(dir.path());
    let count = |h: &Harness<'_, StenogramApp>| {
        h.query_all(By::new().role(Role::Button).label_contains(" speeches"))
            .count()
    };
    assert_eq!(count(&harness), 3);
    harness
        .get_by_role_and_label(Role::TextInput, "Find file")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find file")
        .type_text("briefing");
    harness.run();
    assert_eq!(count(&harness), 1);

    // People across the library: one row per person, with how many files they are in.
    let library = harness
        .state()
        .library_panel()
        .library()
        .map(|l| l.people().len());
    assert!(library.is_some_and(|n| n > 0));
    harness.get_by_label_contains("People (").click();
    harness.run();
    // Someone appears in both the English and the French event: one row, "2 files".
    let shared: Vec<String> = harness
        .query_all(By::new().label_contains(" — 2 files · "))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(!shared.is_empty(), "nobody is in two files");
    // Choosing them lists their files.
    harness.get_by_label(&shared[0]).click();
    harness.run();
    harness.get_by_label("All files").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find file")
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(count(&harness), 3);
    harness.get_by_label_contains("People (").click();
    harness.run();
    harness.get_by_label(&shared[0]).click();
    harness.run();
    assert_eq!(count(&harness), 2);
}

/// Three fictional transcripts in the Kremlin shape: an English one and a French one where
/// Andrei Velsky speaks (spelled "Andreï Velski" in French) and the port of Tarvasto comes
/// up, and a Russian one where neither does.
fn own_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let put = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("write: {e}"));
    };
    put(
        "a_talks_en.txt",
        "1201 – Talks with the President of Kestria – March 3, 2025, 11:00, Varengrad\n\n\n\
         1 of 2 Before the talks. Photo: Lena Markova, Orlavia Press\n\n\
         Andrei Velsky held talks with the President of Kestria Daria Malinova.\n\
         March 3, 2025, 11:00, Varengrad\n\n\
         President of Orlavia Andrei Velsky: Madam President, welcome to Varengrad.\n\
         The new ferry to Tarvasto will carry its first passengers in May.\n\n\
         President of Kestria Daria Malinova: Thank you, Mr. Velsky.\n\
         We are glad to work together on the ferry.\n\n\
         Question: Mr. Velsky, when will the ferry run every day?\n\n\
         Velsky: From the summer, as both governments agreed.\n",
    );
    put(
        "b_entretien_fr.txt",
        "1342 – Entretien avec le Premier ministre de Talmar – 5 avril 2025, 10:00, Kaliningrad\n\n\n\
         1 Avant l’entretien. Photo : Lena Markova, Orlavia Press\n\n\
         Andreï Velski s’est entretenu avec le Premier ministre de Talmar Ilias Karimov.\n\
         5 avril 2025, 10:00, Kaliningrad\n\n\
         Président de l’Orlavie Andreï Velski : Monsieur le Premier ministre, bienvenue.\n\
         Le port de Tarvasto sera agrandi l’année prochaine.\n\n\
         Premier ministre de Talmar Ilias Karimov : Merci, Monsieur le Président.\n\
         Nos entreprises sont prêtes.\n\n\
         Velski : Nous en reparlerons à Tarvasto, cet été.\n",
    );
    put(
        "c_soveshchanie_ru.txt",
        "1500 – Совещание с членами Правительства – 12 мая 2025 года, 15:00, Варенград\n\n\n\
         1 Перед совещанием. Фото: Елена Маркова, «Орлавия Пресс»\n\n\
         Министр транспорта Олег Кравец доложил о работе паромов.\n\
         12 мая 2025 года, 15:00, Варенград\n\n\
         Министр транспорта Олег Кравец: Добрый день, коллеги.\n\
         Паромы работают по графику.\n",
    );
    dir
}

/// Steps the harness until `done` holds (background work finishing), then runs it out.
fn run_until(harness: &mut Harness<'static, StenogramApp>, done: impl Fn(&StenogramApp) -> bool) {
    for _ in 0..2000 {
        if done(harness.state()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
    assert!(done(harness.state()), "background work never finished");
}

fn title_of(harness: &Harness<'static, StenogramApp>) -> String {
    harness
        .state()
        .document()
        .map(|d| d.transcript.title.clone())
        .unwrap_or_default()
}

fn button_labels(harness: &Harness<'static, StenogramApp>, part: &str) -> Vec<String> {
    harness
        .query_all(By::new().role(Role::Button).label_contains(part))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

#[test]
fn search_across_files_finds_a_word_in_two_files_and_a_hit_opens_its_file_at_the_hit() {
    let dir = own_folder();
    let mut harness = app_on_folder(dir.path());
    assert!(title_of(&harness).starts_with("Talks with the President of Kestria"));
    harness.get_by_label("Search").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Search all files")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Search all files")
        .type_text("tarvasto");
    harness.key_press(egui::Key::Enter);
    run_until(&mut harness, |app| {
        app.library_panel()
            .search()
            .is_some_and(|s| s.searched() == "tarvasto" && !s.is_running())
    });

    // Grouped by file: each file with its date and hit count, then its hits in context.
    harness.get_by_label("3 hits in 2 files");
    harness.get_by_label("Talks with the President of Kestria · 2025-03-03 · 1 hit");
    harness.get_by_label("Entretien avec le Premier ministre de Talmar · 2025-04-05 · 2 hits");
    let hits = button_labels(&harness, "Tarvasto");
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert!(
        hits.iter()
            .any(|h| h.starts_with("Andrei Velsky: ") && h.contains("ferry to Tarvasto")),
        "{hits:?}"
    );
    assert!(!hits.iter().any(|h| h.contains("Паромы")), "{hits:?}");

    // The second French hit opens the French file with the search bar on that hit.
    let second = hits
        .iter()
        .find(|h| h.contains("Nous en reparlerons"))
        .cloned()
        .unwrap_or_else(|| panic!("no French hit in {hits:?}"));
    harness.get_by_role_and_label(Role::Button, &second).click();
    run_until(&mut harness, |app| {
        !app.is_loading() && app.search().current_hit().is_some()
    });
    assert!(
        title_of(&harness).starts_with("Entretien avec le Premier ministre de Talmar"),
        "{}",
        title_of(&harness)
    );
    let app = harness.state();
    assert!(app.search().is_open());
    assert_eq!(app.search().query(), "tarvasto");
    let hit = app.search().current_hit().cloned();
    let Some(hit) = hit else {
        panic!("no current hit");
    };
    assert_eq!(hit.context.matched, "Tarvasto");
    assert!(
        hit.context.before.starts_with("Nous en reparlerons"),
        "{hit:?}"
    );
    // The reader went to the hit's paragraph, and the bar counts it as the second of two.
    let doc = app.document().unwrap_or_else(|| panic!("no document"));
    let row = stenogram::app::search::row_of_place(doc, hit.place);
    assert!(row.is_some());
    assert_eq!(app.reader().last_target(), row);
    assert_eq!(stenogram::app::search::count_label(app.search()), "2 of 2");

    // The other French hit, in the file already open, moves the reader to it.
    let first = hits
        .iter()
        .find(|h| h.contains("Le port de Tarvasto"))
        .cloned()
        .unwrap_or_else(|| panic!("no French hit in {hits:?}"));
    harness.get_by_role_and_label(Role::Button, &first).click();
    run_until(&mut harness, |app| {
        stenogram::app::search::count_label(app.search()) == "1 of 2"
    });
    let app = harness.state();
    let hit = app.search().current_hit().cloned();
    assert!(
        hit.is_some_and(|h| h.context.before.starts_with("Le port de")),
        "{:?}",
        app.search().current_hit()
    );

    // With the reader narrowed to Karimov, a hit in Velski's speech lifts the filter.
    harness
        .get_by_role_and_label(Role::Button, "Ilias Karimov")
        .click();
    harness.run();
    assert!(harness.state().selection().filters());
    harness.get_by_role_and_label(Role::Button, &second).click();
    run_until(&mut harness, |app| {
        stenogram::app::search::count_label(app.search()) == "2 of 2"
    });
    assert!(!harness.state().selection().filters());
}

#[test]
fn a_person_shows_their_figures_and_speeches_across_files_and_a_speech_opens_its_file() {
    let dir = own_folder();
    let mut harness = app_on_folder(dir.path());
    harness.get_by_label_contains("People (").click();
    harness.run();
    let shared: Vec<String> = harness
        .query_all(By::new().label_contains(" — 2 files · "))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(shared, vec!["Andrei Velsky — 2 files · 4 speeches"]);
    // One file is "1 file", not "1 files".
    let count = |h: &Harness<'_, StenogramApp>, text: &str| {
        h.query_all(By::new().label_contains(text)).count()
    };
    assert_eq!(count(&harness, "Daria Malinova — 1 file · 1 speech"), 1);
    assert_eq!(count(&harness, " — 1 files"), 0);
    harness.get_by_label(&shared[0]).click();
    harness.run();
    run_until(&mut harness, |app| {
        app.library_panel()
            .person_view()
            .is_some_and(|v| !v.is_gathering() && !v.files().is_empty())
    });

    // Figures across files.
    harness.get_by_label("Files with Andrei Velsky");
    harness.get_by_label_contains("2 files · 4 speeches · ");
    harness.get_by_label("Questions: 0 asked · 1 answered");
    harness.get_by_label("From 2025-03-03 to 2025-04-05");

    // Every speech, grouped by file (oldest first), with its first words and length.
    harness.get_by_label("Talks with the President of Kestria · 2025-03-03 · 2 speeches");
    harness.get_by_label("Entretien avec le Premier ministre de Talmar · 2025-04-05 · 2 speeches");
    let speeches = button_labels(&harness, " words: ");
    assert_eq!(speeches.len(), 4, "{speeches:?}");
    assert!(
        speeches[0].starts_with("17 words: Madam President, welcome"),
        "{speeches:?}"
    );
    assert!(
        speeches[3].ends_with("words: Nous en reparlerons à Tarvasto, cet été."),
        "{speeches:?}"
    );

    // A French speech opens the French file with Velski chosen and the reader on it.
    harness
        .get_by_role_and_label(Role::Button, &speeches[3])
        .click();
    run_until(&mut harness, |app| {
        !app.is_loading() && app.selection().primary().is_some()
    });
    assert!(title_of(&harness).starts_with("Entretien avec le Premier ministre de Talmar"));
    let app = harness.state();
    let doc = app.document().unwrap_or_else(|| panic!("no document"));
    let velski = doc
        .transcript
        .participants
        .iter()
        .find(|p| p.name.as_deref() == Some("Andreï Velski"))
        .map(|p| p.id)
        .unwrap_or_else(|| panic!("no Velski"));
    assert_eq!(app.selection().people(), &[velski]);
    let Some(stenogram::app::Item::Speech(speech)) = app.selection().primary() else {
        panic!("no speech selected: {:?}", app.selection().primary());
    };
    let chosen = doc
        .transcript
        .speech(speech)
        .unwrap_or_else(|| panic!("no speech"));
    assert_eq!(chosen.speaker, velski);
    assert!(chosen.paragraphs[0].starts_with("Nous en reparlerons"));
    let row = doc.index.row_of(stenogram::app::Item::Speech(speech));
    assert!(row.is_some());
    assert_eq!(app.reader().last_target(), row);
}

/// Types `query` in the library's search tab and runs it until the hits are in.
fn search_library(harness: &mut Harness<'static, StenogramApp>, query: &str) {
    if harness.query_by_label("Search all files").is_none() {
        harness.get_by_label("Search").click();
        harness.run();
    }
    let field = harness.get_by_role_and_label(Role::TextInput, "Search all files");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Search all files")
        .type_text(query);
    harness.key_press(egui::Key::Enter);
    let query = query.to_owned();
    run_until(harness, move |app| {
        app.library_panel()
            .search()
            .is_some_and(|s| s.searched() == query && !s.is_running())
    });
}

#[test]
fn search_syntax_prefixes_phrases_and_speakers_and_hits_export_as_csv_and_json() {
    let dir = own_folder();
    let mut harness = app_on_folder(dir.path());

    // A prefix finds both spellings; a speaker filter keeps only his speeches.
    search_library(&mut harness, "velsk* speaker:malinova");
    harness.get_by_label("1 hit in 1 file");
    let hits = button_labels(&harness, "Daria Malinova: Thank");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].contains("Thank you, Mr. Velsky."), "{hits:?}");

    // A phrase must be there in that order; folding finds "Andreï".
    search_library(&mut harness, "\"andrei velski\"");
    harness.get_by_label_contains("Entretien avec le Premier ministre de Talmar · 2025-04-05 · ");
    search_library(&mut harness, "\"velski andrei\"");
    harness.get_by_label("No hits");

    // Export: CSV by default, JSON by name.
    search_library(&mut harness, "tarvasto");
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let search = harness
        .state()
        .library_panel()
        .search()
        .unwrap_or_else(|| panic!("no search"));
    search
        .export_to(&out.path().join("hits.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    search
        .export_to(&out.path().join("hits.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let csv = std::fs::read_to_string(out.path().join("hits.csv")).unwrap_or_default();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.contains("[Tarvasto]"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("hits.json")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json.as_array().map(Vec::len), Some(3));
}

#[test]
fn a_library_opened_again_comes_from_its_database_and_a_damaged_one_is_set_aside() {
    let dir = own_folder();
    drop(app_on_folder(dir.path()));
    let data = dir.path().join(".stenogram-data");
    let db_file = stenogram::library::db::database_path(&data, dir.path());
    assert!(db_file.exists());

    // Opened again: the files are there from the database, nothing to index.
    let harness = app_on_folder(dir.path());
    let library = harness.state().library_panel().library().cloned();
    assert_eq!(library.map(|l| l.entries().len()), Some(3));
    assert!(harness.state().library_panel().banner().is_none());
    drop(harness);

    // A damaged database: set aside (kept), rebuilt, and the user is told.
    std::fs::write(&db_file, b"not a database at all").unwrap_or_else(|e| panic!("{e}"));
    let harness = app_on_folder(dir.path());
    let mut harness = harness;
    let banner = harness
        .state()
        .library_panel()
        .banner()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(banner.contains("set aside"), "{banner}");
    // A notice naming the database, why, and where the old file went, until dismissed.
    harness.get_by_label("The library index was rebuilt");
    let name = db_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    harness.get_by_label_contains(&format!("The database {name} is damaged"));
    let kept_as = format!(
        "The old file was kept as {}",
        data.join("libraries").join(&name).display()
    );
    harness.get_by_label_contains(&kept_as);
    harness.get_by_label_contains(".set-aside-");
    harness.run_steps(30);
    harness.get_by_label("The library index was rebuilt");
    harness
        .get_by_role_and_label(Role::Button, "Dismiss")
        .click();
    harness.run();
    assert!(harness.state().library_panel().banner().is_none());
    assert!(
        harness
            .query_by_label("The library index was rebuilt")
            .is_none()
    );
    let kept = std::fs::read_dir(data.join("libraries"))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().contains(".set-aside-"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(kept, 1);
    assert_eq!(
        harness
            .state()
            .library_panel()
            .library()
            .map(|l| l.entries().len()),
        Some(3)
    );
}

/// The app on `folder`, with Andrei Velsky chosen in the People tab and his two files
/// gathered from the database.
fn velsky_across_the_library(folder: &Path) -> Harness<'static, StenogramApp> {
    let mut harness = app_on_folder(folder);
    harness.get_by_label_contains("People (").click();
    harness.run();
    harness
        .get_by_label("Andrei Velsky — 2 files · 4 speeches")
        .click();
    harness.run();
    run_until(&mut harness, |app| {
        app.library_panel().person_view().is_some_and(|v| {
            !v.is_gathering() && v.files().len() == 2 && v.plot_points().len() == 2
        })
    });
    harness
}

#[test]
fn a_person_s_files_come_from_the_database_oldest_first() {
    let dir = own_folder();
    let harness = velsky_across_the_library(dir.path());
    let view = harness
        .state()
        .library_panel()
        .person_view()
        .unwrap_or_else(|| panic!("no person view"));
    let dates: Vec<Option<String>> = view.files().iter().map(|f| f.date.clone()).collect();
    assert_eq!(
        dates,
        vec![Some("2025-03-03".to_owned()), Some("2025-04-05".to_owned())]
    );
}

#[test]
fn a_point_of_a_person_s_plot_names_its_file_when_hovered_and_opens_it_when_clicked() {
    let dir = own_folder();
    let mut harness = velsky_across_the_library(dir.path());
    let points = harness
        .state()
        .library_panel()
        .person_view()
        .map(|v| v.plot_points())
        .unwrap_or_default();
    let Some((at, _)) = points
        .into_iter()
        .find(|(_, p)| p.ends_with("b_entretien_fr.txt"))
    else {
        panic!("no point for the French file");
    };

    // Hovering the point names the file and its date.
    harness.event(egui::Event::PointerMoved(at));
    harness.run();
    let named = harness
        .query_all(By::new().label_contains(
            "Entretien avec le Premier ministre de Talmar (2025-04-05): 2 speeches",
        ))
        .count();
    assert!(named > 0, "no label names the hovered point's file");

    // Clicking it opens that file, with the reader on the person's first speech there.
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    run_until(&mut harness, |app| {
        !app.is_loading() && app.selection().primary().is_some()
    });
    assert!(title_of(&harness).starts_with("Entretien avec le Premier ministre de Talmar"));
}
