use super::*;
use crate::parse::formats::xml::parse;

const SITTING: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-XX_2031-05-14" xml:lang="en">
 <teiHeader><fileDesc><titleStmt>
   <title type="main" xml:lang="en">Valdoria Council, sitting of 14 May 2031 [ParlaMint]</title>
 </titleStmt></fileDesc>
 <profileDesc><settingDesc><setting>
   <name type="city">Mirgorod</name><date when="2031-05-14">14 May 2031</date>
 </setting></settingDesc>
 <particDesc><listPerson><person xml:id="OrlovBoris"><persName>
   <surname>Orlov</surname><forename>Boris</forename></persName></person></listPerson></particDesc>
 </profileDesc></teiHeader>
 <text><body><div type="debateSection">
  <head>Opening of the sitting</head>
  <note type="speaker">Chair Ana Petrova:</note>
  <u who="#PetrovaAna" ana="#chair"><seg>I open the sitting.</seg>
   <kinesic type="applause"><desc>Applause</desc></kinesic>
   <seg>The first item is the bridge <vocal type="laughter"><desc>Laughter</desc></vocal> again.</seg></u>
  <note>The minister enters the hall.</note>
  <u who="#OrlovBoris" ana="#regular"><seg><w>Thank</w> <w join="right">you</w> <pc>.</pc></seg><seg>A point <gap reason="inaudible"/> here.</seg></u>
 </div></body></text>
</TEI>"##;

#[test]
fn a_sitting_reads_with_people_roles_notes_and_header() {
    let root = parse(SITTING).unwrap_or_default();
    let t = read_tei(&root, "hint", &People::new());
    assert_eq!(t.title, "Valdoria Council, sitting of 14 May 2031");
    assert_eq!(t.date.as_deref(), Some("2031-05-14"));
    assert_eq!(t.place.as_deref(), Some("Mirgorod"));
    assert_eq!(t.language, "en");
    let names: Vec<&str> = t.participants.iter().map(|p| p.display_name()).collect();
    assert_eq!(names, ["Ana Petrova", "Boris Orlov"]);
    assert_eq!(t.participants[0].role.as_deref(), Some("chair"));
    assert_eq!(t.speeches[0].label, "Chair Ana Petrova");
    assert_eq!(
        t.speeches[0].paragraphs,
        [
            "I open the sitting.",
            "(Applause)",
            "The first item is the bridge (Laughter) again."
        ]
    );
    assert_eq!(
        t.speeches[1].paragraphs,
        ["Thank you.", "A point (inaudible) here."]
    );
    let notes: Vec<&str> = t
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            crate::model::BlockKind::Paragraph { text } => Some(text.as_str()),
            crate::model::BlockKind::Heading { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        notes,
        ["Opening of the sitting", "(The minister enters the hall.)"]
    );
    assert_eq!(crate::export::check::check_ids(&t), Ok(()));
}

#[test]
fn ids_become_names_forename_first() {
    assert_eq!(name_from_id("PetrovaAna", None), "Ana Petrova");
    assert_eq!(name_from_id("AnaPetrova", None), "Ana Petrova");
    assert_eq!(name_from_id("JansaJanez", None), "Janez Jansa");
    assert_eq!(name_from_id("MarkLee", Some("Mr Mark Lee:")), "Mark Lee");
    assert_eq!(name_from_id("LeeMark", Some("LEE, Mark")), "Mark Lee");
    assert_eq!(name_from_id("LeeMark.1963", None), "Mark Lee");
    assert_eq!(name_from_id("Nobody", None), "Nobody");
    assert_eq!(name_from_id("", None), "");
}

#[test]
fn a_corpus_is_several_transcripts() {
    let corpus = format!(
        "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>All</title></titleStmt></fileDesc></teiHeader>{}{}</teiCorpus>",
        SITTING.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""),
        SITTING
            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
            .replace("14 May", "15 May")
    );
    let root = parse(&corpus).unwrap_or_default();
    let all = read_corpus(&root, "hint");
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].title, "Valdoria Council, sitting of 15 May 2031");
    let joined = read_corpus_joined(&root, "hint");
    assert_eq!(joined.title, "All");
    assert_eq!(joined.speeches.len(), 4);
    assert_eq!(joined.participants.len(), 2);
}

#[test]
fn a_corpus_root_names_the_files_it_includes() {
    let root = parse(
        r#"<teiCorpus xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader/>
        <xi:include href="a.xml"/><xi:include href=" "/><xi:include href="days/b.xml"/>
        <xi:include href="a.xml"/></teiCorpus>"#,
    )
    .unwrap_or_default();
    assert_eq!(corpus_includes(&root), ["a.xml", "days/b.xml"]);
    assert!(read_corpus(&root, "hint").is_empty());
}

#[test]
fn a_timeline_times_utterances_and_segments_and_time_notes_start_speeches() {
    let root = parse(
        r##"<TEI><text><timeline origin="#T0" unit="ms">
          <when xml:id="T2" interval="2500" since="#T1"/>
          <when xml:id="T0" absolute="2031-05-14T09:00:00"/>
          <when xml:id="T1" interval="1000"/>
          <when xml:id="L1" interval="5" since="#L2"/><when xml:id="L2" interval="5" since="#L1"/>
        </timeline><body>
          <u who="#A" start="#T0" end="#T2"><seg synch="#T1" end="#T2">One.</seg><seg end="#L1">Two.</seg></u>
          <note type="time">(09.15)</note>
          <u who="#B"><seg>Three.</seg></u>
          <note type="time">not a time</note>
          <u who="#A"><seg>Four.</seg></u>
        </body></text></TEI>"##,
    )
    .unwrap_or_default();
    let t = read_tei(&root, "hint", &People::new());
    let clock = |time: Option<crate::model::Time>| time.map(|t| t.with_millis('.'));
    let first = &t.speeches[0].times;
    assert_eq!(clock(first.start).as_deref(), Some("09:00:00.000"));
    assert_eq!(clock(first.end).as_deref(), Some("09:00:03.500"));
    assert_eq!(
        clock(first.paragraph_times[0].start).as_deref(),
        Some("09:00:01.000")
    );
    // A point whose chain of `since` never reaches a known time is left out.
    assert!(t.speeches[0].times.paragraph(1).is_none());
    let second = &t.speeches[1].times;
    assert_eq!(clock(second.start).as_deref(), Some("09:15:00.000"));
    // No end given and no start after it: the end stays unknown.
    assert_eq!(second.end, None);
    assert_eq!(t.speeches[2].times.start, None);
    // The time notes stay in the text.
    let notes = t
        .blocks
        .iter()
        .filter(|b| matches!(&b.kind, crate::model::BlockKind::Paragraph { text } if text.starts_with('(')))
        .count();
    assert_eq!(notes, 2);
}
