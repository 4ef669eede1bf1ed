//! Tests of the whole pre-pass, stage after stage.

use super::*;

fn texts(lines: &[SourceLine]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

fn numbers(lines: &[SourceLine]) -> Vec<usize> {
    lines.iter().map(|l| l.number).collect()
}

const KREMLIN: &str = "Summit of the Alliance – March 3, 2031, 11:00, Port Elspeth\n\
\n\
1 Before the summit. Photo: Ana Kirov, Northwire\n\
\n\
Vladimir Putin took part in a meeting of the Alliance Council.\n\
March 3, 2031, 11:00, Port Elspeth\n\
2/14 With the President of Arland Tomas Veil. Photo: Piotr Lind\n\
\n\
The following Russian officials took part:\n\
Foreign Minister Sergei Lavrov,\n\
Presidential Aide Yury Ushakov,\n\
and Press Secretary Dmitry Peskov.\n\
President of Arland Tomas Veil: Colleagues, friends,\n\
Welcome to Port Elspeth. It is a great honour for our city to host a summit of this kind, and I hope our work will be useful for all the nations represented around this table today.\n\
Our agenda is long:\n\
the transport corridor,\n\
the common energy market\n\
and the joint exercises.\n\
Thank you.\n\
3 During the meeting. Photo: Ana Kirov, Northwire\n\
\n\
President of Russia Vladimir Putin: Mr Veil, colleagues,\n\
Let me repeat:\n\
We agree. We are ready to continue the work on the corridor, which will link the ports of the north with the markets of the south.\n\
Thank you.\n\
<…>\n\
Topics\n\
Foreign policy\n\
http://en.example.org/events/12345";

#[test]
fn web_transcript_comes_out_line_for_line() {
    let lines = prepare_lines(KREMLIN);
    let expected: Vec<&str> = KREMLIN.split('\n').collect();
    assert_eq!(texts(&lines), expected);
    assert_eq!(numbers(&lines), (1..=expected.len()).collect::<Vec<_>>());
}

const HEARING: &str = "\
HEARING ON COASTAL FERRIES\n\
1 CHAIRMAN BRANDT: The subcommittee will come to order.\n\
2 Today we examine the ferry contracts that the\n\
3 department signed last spring, and the delays that\n\
4 followed them.\n\
5 SENATOR OKAFOR: Thank you, Mr. Chairman. I have read\n\
6 the contracts twice, and the penalties for late\n\
7 sailings are inter-\n\
8 national in scope, which surprised me.\n\
9 MS. VALDEZ: They were drafted by the Harbour-\n\
10 Board counsel, Senator.\n\
\x0C\n\
Page 2 of 3\n\
1 SENATOR OKAFOR: Did the board review them before\n\
2 they were signed by the department in April?\n\
3 MS. VALDEZ: It did, twice, and it raised no objection\n\
4 to the clauses on late sailings at either review.\n\
5 CHAIRMAN BRANDT: Thank you. We will now hear from\n\
6 the second panel of witnesses this afternoon.\n\
\x0C\n\
Page 3 of 3\n\
1 CHAIRMAN BRANDT: The hearing is adjourned until\n\
2 Thursday morning at ten o'clock in this room.\n\
\x0C\n\
Page 4 of 3\n";

#[test]
fn typed_hearing_is_unwrapped() {
    let lines = prepare_lines(HEARING);
    let got: Vec<(usize, &str)> = lines
        .iter()
        .filter(|l| !l.text.is_empty())
        .map(|l| (l.number, l.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "HEARING ON COASTAL FERRIES"),
            (
                2,
                "CHAIRMAN BRANDT: The subcommittee will come to order. Today we examine the \
ferry contracts that the department signed last spring, and the delays that followed them."
            ),
            (
                6,
                "SENATOR OKAFOR: Thank you, Mr. Chairman. I have read the contracts twice, and \
the penalties for late sailings are international in scope, which surprised me."
            ),
            (
                10,
                "MS. VALDEZ: They were drafted by the Harbour-Board counsel, Senator."
            ),
            (
                14,
                "SENATOR OKAFOR: Did the board review them before they were signed by the \
department in April?"
            ),
            (
                16,
                "MS. VALDEZ: It did, twice, and it raised no objection to the clauses on late \
sailings at either review."
            ),
            (
                18,
                "CHAIRMAN BRANDT: Thank you. We will now hear from the second panel of \
witnesses this afternoon."
            ),
            (
                22,
                "CHAIRMAN BRANDT: The hearing is adjourned until Thursday morning at ten \
o'clock in this room."
            ),
        ]
    );
}

#[test]
fn hostile_input_never_panics() {
    for text in [
        "",
        "\n\n\n",
        "\x0C\x0C\n\x0C",
        "99\n99\n99\n99\n99\n99\n99",
        "1\n2\n3\n4\n5\n6\n7\n8",
        "é-\né-\né-\né-\né-\né-\né-",
        "\u{FEFF}\r\r\n\r",
    ] {
        let _ = prepare_lines(text);
    }
    let long = "word ".repeat(100_000);
    assert_eq!(prepare_lines(&long).len(), 1);
}
