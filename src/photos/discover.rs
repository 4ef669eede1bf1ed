//! Finding the image file of each photo of a transcript.
//!
//! The rules (also in the README, section "Photos"):
//! - For `dir/event.txt` the folders `dir/event/`, `dir/event_files/`, `dir/event.photos/`
//!   and `dir/photos/` are tried in that order; the first that exists and holds at least
//!   one image (`.jpg`, `.jpeg`, `.png`, `.webp`, any case) is used.
//! - Files are taken in name order. A name whose first number has at most 3 digits gives
//!   that photo number: `1.jpg`, `01.jpeg`, `photo-3.png`, `3-21.webp` (3 of 21).
//! - Camera-style names (first number of 4 or more digits, `IMG_0007.JPG`) are used only
//!   when no file matched by the rule above and, sorted by their last number, they form a
//!   run of consecutive numbers exactly as long as the list of photos: then they map in
//!   order to the photos sorted by printed number.
//! - When several files claim one photo, the first in name order wins.
//! - A photo's `image` path from Stenogram JSON is relative to the transcript's folder and
//!   wins over the folder; a path that leaves that folder is refused.

use std::path::{Component, Path, PathBuf};

use crate::model::{Photo, PhotoId, Transcript};

use super::PhotoSource;

/// Image file extensions looked at, compared without regard to case.
pub const IMAGE_EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// At most this many directory entries are looked at in one folder.
const MAX_ENTRIES: usize = 20_000;

/// Where the image of one photo comes from.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum PhotoImage {
    /// No image was found for this photo.
    #[default]
    NotFound,
    /// The image to decode (a file that may still turn out missing or unreadable).
    Source(PhotoSource),
    /// The transcript names an image outside its own folder; it is not followed.
    OutsideFolder,
}

impl PhotoImage {
    /// The text of the card for a refused path.
    pub const OUTSIDE_FOLDER_MESSAGE: &'static str = "image path outside the transcript's folder";
}

/// The image of every photo of a transcript.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhotoFiles {
    /// One entry per photo, indexed by [`PhotoId`].
    pub by_photo: Vec<PhotoImage>,
    /// The folder the images were found in, if any.
    pub folder: Option<PathBuf>,
}

impl PhotoFiles {
    /// The image of `photo` ([`PhotoImage::NotFound`] for an unknown id).
    pub fn get(&self, photo: PhotoId) -> &PhotoImage {
        static NOT_FOUND: PhotoImage = PhotoImage::NotFound;
        self.by_photo.get(photo.index()).unwrap_or(&NOT_FOUND)
    }

    /// Whether any photo has an image (or a refused path) to show: when none has,
    /// the timeline need not say "image missing" on every card.
    pub fn any(&self) -> bool {
        self.by_photo
            .iter()
            .any(|image| !matches!(image, PhotoImage::NotFound))
    }

    /// Numbered images given as (file name, source) pairs, matched to `transcript`'s
    /// photos by the same rules as files in a folder (used for the bundled sample).
    pub fn from_named(transcript: &Transcript, named: Vec<(String, PhotoSource)>) -> Self {
        let names: Vec<&str> = named.iter().map(|(name, _)| name.as_str()).collect();
        let matched = match_names(&names, &transcript.photos);
        let by_photo = matched
            .into_iter()
            .map(|index| {
                index
                    .and_then(|i| named.get(i))
                    .map_or(PhotoImage::NotFound, |(_, source)| {
                        PhotoImage::Source(source.clone())
                    })
            })
            .collect();
        Self {
            by_photo,
            folder: None,
        }
    }
}

/// Finds the images of `transcript`, read from `transcript_path`: the first photo folder
/// beside it, then the `image` paths the photos carry.
pub fn discover(transcript_path: &Path, transcript: &Transcript) -> PhotoFiles {
    let base = base_dir(transcript_path);
    let mut files = candidate_folders(transcript_path)
        .into_iter()
        .find_map(|folder| {
            let images = image_files(&folder);
            (!images.is_empty()).then(|| assign(folder, &images, transcript))
        })
        .unwrap_or_else(|| PhotoFiles {
            by_photo: vec![PhotoImage::NotFound; transcript.photos.len()],
            folder: None,
        });
    apply_image_paths(&mut files, &base, transcript);
    files
}

/// Matches the images of `folder` (one the user attached) to `transcript`'s photos;
/// `image` paths the photos carry still win (relative to `transcript_path`'s folder).
pub fn discover_in_folder(
    folder: &Path,
    transcript_path: Option<&Path>,
    transcript: &Transcript,
) -> PhotoFiles {
    let images = image_files(folder);
    let mut files = assign(folder.to_path_buf(), &images, transcript);
    if let Some(path) = transcript_path {
        apply_image_paths(&mut files, &base_dir(path), transcript);
    }
    files
}

/// The folders looked at for `dir/event.txt`, in order: `dir/event/`, `dir/event_files/`,
/// `dir/event.photos/`, `dir/photos/`.
pub fn candidate_folders(transcript_path: &Path) -> Vec<PathBuf> {
    let base = base_dir(transcript_path);
    let mut folders = Vec::with_capacity(4);
    if let Some(stem) = transcript_path.file_stem() {
        let stem = stem.to_string_lossy();
        folders.push(base.join(stem.as_ref()));
        folders.push(base.join(format!("{stem}_files")));
        folders.push(base.join(format!("{stem}.photos")));
    }
    folders.push(base.join("photos"));
    folders
}

fn base_dir(transcript_path: &Path) -> PathBuf {
    match transcript_path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether `name` ends in one of [`IMAGE_EXTENSIONS`], in any case.
pub fn is_image_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && IMAGE_EXTENSIONS
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

/// The image files of `folder` as (name, path), in name order; hidden files are skipped.
fn image_files(folder: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<(String, PathBuf)> = entries
        .take(MAX_ENTRIES)
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            (!name.starts_with('.') && is_image_name(&name) && path.is_file())
                .then_some((name, path))
        })
        .collect();
    files.sort();
    files
}

fn assign(folder: PathBuf, images: &[(String, PathBuf)], transcript: &Transcript) -> PhotoFiles {
    let names: Vec<&str> = images.iter().map(|(name, _)| name.as_str()).collect();
    let by_photo = match_names(&names, &transcript.photos)
        .into_iter()
        .map(|index| {
            index
                .and_then(|i| images.get(i))
                .map_or(PhotoImage::NotFound, |(_, path)| {
                    PhotoImage::Source(PhotoSource::File(path.clone()))
                })
        })
        .collect();
    PhotoFiles {
        by_photo,
        folder: Some(folder),
    }
}

fn apply_image_paths(files: &mut PhotoFiles, base: &Path, transcript: &Transcript) {
    for (slot, photo) in files.by_photo.iter_mut().zip(&transcript.photos) {
        if let Some(image) = photo.image.as_deref() {
            *slot = resolve_image_path(base, image);
        }
    }
}

/// Resolves a photo's `image` path from Stenogram JSON against `base` (the JSON file's
/// folder). Absolute paths, `..` and symbolic links that lead out of `base` give
/// [`PhotoImage::OutsideFolder`]; a path inside that does not exist is still returned
/// (its card will say "image missing").
pub fn resolve_image_path(base: &Path, image: &str) -> PhotoImage {
    let relative = Path::new(image);
    if image.trim().is_empty() {
        return PhotoImage::NotFound;
    }
    let escapes = relative.components().any(|component| {
        matches!(
            component,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        )
    });
    if escapes || relative.is_absolute() {
        return PhotoImage::OutsideFolder;
    }
    let joined = base.join(relative);
    let Ok(real_base) = base.canonicalize() else {
        return PhotoImage::Source(PhotoSource::File(joined));
    };
    match joined.canonicalize() {
        // Decode the resolved path, so a link swapped after this check is not followed.
        Ok(real) if real.starts_with(&real_base) => PhotoImage::Source(PhotoSource::File(real)),
        Ok(_) => PhotoImage::OutsideFolder,
        // Missing (or a dangling link): decoding it will say "image missing".
        Err(_) => PhotoImage::Source(PhotoSource::File(joined)),
    }
}

/// How a file name numbers its photo.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum NameNumber {
    /// `1.jpg`, `photo-03.png`, `3-21.webp`: the photo's printed number.
    Direct(u64),
    /// `IMG_0007.JPG`: a camera counter, usable only as part of a run.
    Camera(u64),
}

/// Reads the number a file name gives its photo, if any.
fn name_number(name: &str) -> Option<NameNumber> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let mut runs = stem
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty());
    let first = runs.next()?;
    let value = |run: &str| {
        run.bytes().fold(0u64, |acc, digit| {
            acc.saturating_mul(10)
                .saturating_add(u64::from(digit - b'0'))
        })
    };
    if first.len() <= 3 {
        Some(NameNumber::Direct(value(first)))
    } else {
        let last = runs.next_back().unwrap_or(first);
        Some(NameNumber::Camera(value(last)))
    }
}

/// For each photo (by position in `photos`), the index in `names` of its image, by the
/// numbering rules of this module. `names` should be in name order: the first name to
/// claim a photo wins.
pub fn match_names(names: &[&str], photos: &[Photo]) -> Vec<Option<usize>> {
    let mut matched = vec![None; photos.len()];
    // Printed number → first photo with it.
    let mut by_number: Vec<(u64, usize)> = photos
        .iter()
        .enumerate()
        .map(|(i, photo)| (u64::from(photo.number), i))
        .collect();
    by_number.sort();
    by_number.dedup_by_key(|(number, _)| *number);
    let photo_for = |number: u64| {
        by_number
            .binary_search_by_key(&number, |(n, _)| *n)
            .ok()
            .and_then(|at| by_number.get(at))
            .map(|(_, i)| *i)
    };

    let numbers: Vec<Option<NameNumber>> = names.iter().map(|name| name_number(name)).collect();
    let mut any_direct = false;
    for (file, number) in numbers.iter().enumerate() {
        if let Some(NameNumber::Direct(n)) = number
            && let Some(photo) = photo_for(*n)
            && let Some(slot @ None) = matched.get_mut(photo)
        {
            *slot = Some(file);
            any_direct = true;
        }
    }
    if any_direct {
        return matched;
    }

    // Camera-style counters: only a run that lines up exactly with the photos.
    let mut camera: Vec<(u64, usize)> = numbers
        .iter()
        .enumerate()
        .filter_map(|(file, number)| match number {
            Some(NameNumber::Camera(n)) => Some((*n, file)),
            _ => None,
        })
        .collect();
    camera.sort();
    camera.dedup_by_key(|(n, _)| *n);
    let consecutive = camera
        .windows(2)
        .all(|pair| matches!(pair, [(a, _), (b, _)] if a.checked_add(1) == Some(*b)));
    if camera.is_empty() || camera.len() != photos.len() || !consecutive {
        return matched;
    }
    let mut in_print_order: Vec<usize> = (0..photos.len()).collect();
    in_print_order.sort_by_key(|&i| photos.get(i).map(|p| p.number));
    for (photo, (_, file)) in in_print_order.into_iter().zip(camera) {
        if let Some(slot) = matched.get_mut(photo) {
            *slot = Some(file);
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photos(numbers: &[u32]) -> Vec<Photo> {
        numbers
            .iter()
            .enumerate()
            .map(|(i, &number)| Photo {
                id: PhotoId::from(i),
                number,
                of: None,
                caption: format!("Caption {number}"),
                credit: None,
                participants: Vec::new(),
                image: None,
            })
            .collect()
    }

    #[test]
    fn numbers_in_names() {
        assert_eq!(name_number("1.jpg"), Some(NameNumber::Direct(1)));
        assert_eq!(name_number("01.jpeg"), Some(NameNumber::Direct(1)));
        assert_eq!(name_number("photo-3.png"), Some(NameNumber::Direct(3)));
        assert_eq!(name_number("3-21.webp"), Some(NameNumber::Direct(3)));
        assert_eq!(name_number("IMG_0007.JPG"), Some(NameNumber::Camera(7)));
        assert_eq!(
            name_number("IMG_20240314_1130.jpg"),
            Some(NameNumber::Camera(1130))
        );
        assert_eq!(name_number("cover.jpg"), None);
        assert_eq!(
            name_number("99999999999999999999999.png"),
            Some(NameNumber::Camera(u64::MAX))
        );
    }

    #[test]
    fn image_names() {
        assert!(is_image_name("a.JPG"));
        assert!(is_image_name("3-21.WebP"));
        assert!(!is_image_name("notes.txt"));
        assert!(!is_image_name(".png"));
        assert!(!is_image_name("png"));
    }

    #[test]
    fn first_name_wins_a_duplicate_number() {
        let matched = match_names(&["01.jpeg", "1.jpg", "2.png"], &photos(&[1, 2, 3]));
        assert_eq!(matched, vec![Some(0), Some(2), None]);
    }

    #[test]
    fn camera_run_maps_in_order() {
        let names = ["IMG_0041.JPG", "IMG_0042.JPG", "IMG_0043.JPG"];
        assert_eq!(
            match_names(&names, &photos(&[2, 1, 3])),
            vec![Some(1), Some(0), Some(2)]
        );
    }

    #[test]
    fn camera_run_with_a_gap_or_wrong_length_is_ignored() {
        let gap = ["IMG_0041.JPG", "IMG_0043.JPG", "IMG_0044.JPG"];
        assert_eq!(
            match_names(&gap, &photos(&[1, 2, 3])),
            vec![None, None, None]
        );
        let short = ["IMG_0041.JPG", "IMG_0042.JPG"];
        assert_eq!(match_names(&short, &photos(&[1, 2, 3])), vec![None; 3]);
    }

    #[test]
    fn direct_numbers_beat_camera_numbers() {
        let names = ["1.jpg", "IMG_0002.JPG"];
        assert_eq!(match_names(&names, &photos(&[1, 2])), vec![Some(0), None]);
    }

    #[test]
    fn refused_paths() {
        let base = Path::new("does-not-exist");
        assert_eq!(
            resolve_image_path(base, "../secret.png"),
            PhotoImage::OutsideFolder
        );
        assert_eq!(
            resolve_image_path(base, "a/../../b.png"),
            PhotoImage::OutsideFolder
        );
        assert_eq!(
            resolve_image_path(base, "/etc/x.png"),
            PhotoImage::OutsideFolder
        );
        assert_eq!(resolve_image_path(base, "  "), PhotoImage::NotFound);
        assert_eq!(
            resolve_image_path(base, "img/1.png"),
            PhotoImage::Source(PhotoSource::File(base.join("img/1.png")))
        );
    }

    #[test]
    fn candidate_folders_in_order() {
        let folders = candidate_folders(Path::new("dir/event.txt"));
        let expected: Vec<PathBuf> = [
            "dir/event",
            "dir/event_files",
            "dir/event.photos",
            "dir/photos",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(folders, expected);
    }
}
