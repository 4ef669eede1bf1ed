//! Finding the image files of a transcript's photos: folder names, file names, the
//! JSON `image` path rule.

use std::path::{Path, PathBuf};

use stenogram::Transcript;
use stenogram::model::{Photo, PhotoId};
use stenogram::photos::{PhotoImage, PhotoSource, discover, discover_in_folder};

fn transcript(numbers: &[u32]) -> Transcript {
    Transcript {
        title: "Test".to_owned(),
        language: "en".to_owned(),
        photos: numbers
            .iter()
            .enumerate()
            .map(|(i, &number)| Photo {
                id: PhotoId::from(i),
                number,
                of: None,
                caption: format!("Caption of photo {number}"),
                credit: None,
                participants: Vec::new(),
                image: None,
            })
            .collect(),
        ..Transcript::default()
    }
}

fn touch(path: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, b"not decoded by discovery").unwrap_or_else(|e| panic!("{e}"));
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// The file name each photo got, or "-" when none.
fn names(files: &stenogram::photos::PhotoFiles) -> Vec<String> {
    files
        .by_photo
        .iter()
        .map(|image| match image {
            PhotoImage::Source(PhotoSource::File(path)) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            PhotoImage::Source(PhotoSource::Bytes(_)) => "bytes".to_owned(),
            PhotoImage::NotFound => "-".to_owned(),
            PhotoImage::OutsideFolder => "outside".to_owned(),
        })
        .collect()
}

#[test]
fn numbered_files_in_the_folder_named_like_the_transcript() {
    let dir = tempdir();
    let photos = dir.path().join("event");
    for name in [
        "1.jpg",
        "02.jpeg",
        "photo-3.png",
        "4-21.webp",
        "5.JPG",
        "6.txt",
        "cover.jpg",
    ] {
        touch(&photos.join(name));
    }
    let files = discover(
        &dir.path().join("event.txt"),
        &transcript(&[1, 2, 3, 4, 5, 6]),
    );
    assert_eq!(files.folder.as_deref(), Some(photos.as_path()));
    assert_eq!(
        names(&files),
        ["1.jpg", "02.jpeg", "photo-3.png", "4-21.webp", "5.JPG", "-"]
    );
    assert!(files.any());
}

#[test]
fn folders_are_tried_in_order_and_empty_ones_skipped() {
    let dir = tempdir();
    // `event/` exists but holds no image: skipped.
    touch(&dir.path().join("event/readme.txt"));
    touch(&dir.path().join("event_files/1.png"));
    touch(&dir.path().join("event.photos/1.jpg"));
    touch(&dir.path().join("photos/1.jpg"));
    let files = discover(&dir.path().join("event.txt"), &transcript(&[1]));
    assert_eq!(files.folder, Some(dir.path().join("event_files")));

    std::fs::remove_dir_all(dir.path().join("event_files")).unwrap_or_else(|e| panic!("{e}"));
    let files = discover(&dir.path().join("event.txt"), &transcript(&[1]));
    assert_eq!(files.folder, Some(dir.path().join("event.photos")));

    std::fs::remove_dir_all(dir.path().join("event.photos")).unwrap_or_else(|e| panic!("{e}"));
    let files = discover(&dir.path().join("event.txt"), &transcript(&[1]));
    assert_eq!(files.folder, Some(dir.path().join("photos")));
}

#[test]
fn no_folder_means_no_images() {
    let dir = tempdir();
    let files = discover(&dir.path().join("event.txt"), &transcript(&[1, 2]));
    assert_eq!(files.folder, None);
    assert_eq!(names(&files), ["-", "-"]);
    assert!(!files.any());
}

#[test]
fn a_duplicate_number_goes_to_the_first_name() {
    let dir = tempdir();
    for name in ["1.jpg", "01.jpeg", "photo-01.png", "2.png"] {
        touch(&dir.path().join("event").join(name));
    }
    let files = discover(&dir.path().join("event.txt"), &transcript(&[1, 2]));
    // Name order: "01.jpeg" < "1.jpg" < "2.png" < "photo-01.png".
    assert_eq!(names(&files), ["01.jpeg", "2.png"]);
}

#[test]
fn camera_numbers_map_in_order_only_when_they_line_up() {
    let dir = tempdir();
    for n in 7..=11 {
        touch(&dir.path().join(format!("event/IMG_{n:04}.JPG")));
    }
    let five = discover(&dir.path().join("event.txt"), &transcript(&[1, 2, 3, 4, 5]));
    assert_eq!(
        names(&five),
        [
            "IMG_0007.JPG",
            "IMG_0008.JPG",
            "IMG_0009.JPG",
            "IMG_0010.JPG",
            "IMG_0011.JPG"
        ]
    );
    // Six photos for five files: no guessing.
    let six = discover(
        &dir.path().join("event.txt"),
        &transcript(&[1, 2, 3, 4, 5, 6]),
    );
    assert_eq!(names(&six), ["-"; 6]);
}

#[test]
fn an_attached_folder_uses_the_same_rules() {
    let dir = tempdir();
    let folder = dir.path().join("anywhere");
    touch(&folder.join("photo_2.webp"));
    let files = discover_in_folder(&folder, None, &transcript(&[1, 2]));
    assert_eq!(files.folder.as_deref(), Some(folder.as_path()));
    assert_eq!(names(&files), ["-", "photo_2.webp"]);
}

fn with_image_paths(paths: &[&str]) -> Transcript {
    let mut t = transcript(&(1..=paths.len() as u32).collect::<Vec<_>>());
    for (photo, path) in t.photos.iter_mut().zip(paths) {
        photo.image = Some((*path).to_owned());
    }
    t
}

#[test]
fn json_image_paths_are_relative_to_the_json_file() {
    let dir = tempdir();
    touch(&dir.path().join("img/1.png"));
    let t = with_image_paths(&["img/1.png", "img/missing.png"]);
    let files = discover(&dir.path().join("event.json"), &t);
    let real = dir.path().canonicalize().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        files.get(PhotoId(0)),
        &PhotoImage::Source(PhotoSource::File(real.join("img/1.png")))
    );
    // A path inside the folder that does not exist is kept: its card says "image missing".
    assert_eq!(
        files.get(PhotoId(1)),
        &PhotoImage::Source(PhotoSource::File(dir.path().join("img/missing.png")))
    );
}

#[test]
fn json_image_paths_outside_the_folder_are_refused() {
    let dir = tempdir();
    let inner = dir.path().join("transcript");
    touch(&dir.path().join("secret.png"));
    touch(&inner.join("ok.png"));
    let absolute: PathBuf = dir.path().join("secret.png");
    let absolute = absolute.to_string_lossy().into_owned();
    let mut paths = vec!["../secret.png", absolute.as_str(), "ok/../../secret.png"];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("secret.png"), inner.join("link.png"))
            .unwrap_or_else(|e| panic!("{e}"));
        paths.push("link.png");
    }
    paths.push("ok.png");
    let t = with_image_paths(&paths);
    let files = discover(&inner.join("event.json"), &t);
    let refused = files
        .by_photo
        .iter()
        .filter(|image| **image == PhotoImage::OutsideFolder)
        .count();
    assert_eq!(refused, paths.len() - 1, "{:?}", files.by_photo);
    assert!(matches!(
        files.by_photo.last(),
        Some(PhotoImage::Source(PhotoSource::File(_)))
    ));
    assert_eq!(
        PhotoImage::OUTSIDE_FOLDER_MESSAGE,
        "image path outside the transcript's folder"
    );
}

#[test]
fn a_json_path_wins_over_the_folder() {
    let dir = tempdir();
    touch(&dir.path().join("event/1.jpg"));
    touch(&dir.path().join("chosen.png"));
    let t = with_image_paths(&["chosen.png"]);
    let files = discover(&dir.path().join("event.json"), &t);
    assert_eq!(names(&files), ["chosen.png"]);
}
