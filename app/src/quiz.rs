//! The prediction quiz (`/algorithms/<id>/quiz`, its own page module, so the plain visualizer ships none
//! of it): before a step that decides something, playback stops and asks what the step will do; the
//! answer is the next snapshot's (`algorithms::quiz`). The learner answers by keyboard or by clicking bars;
//! the right answer is shown with the step's narration, the score is kept per run, and each answer is a
//! `quiz_answered` event for the tracker.

use std::rc::Rc;

use algorithms::catalogue::Card;
use algorithms::quiz::{Answer, Question, Quiz, Side, ask};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engines::EngineRun;
use crate::playback::{Gate, Playback};
use crate::tracker::{Tracker, outbox::Kind};

/// The quiz beside a run (the quiz page's slot in the visualizer).
pub fn quiz_panel(
    entry: &'static Card,
    run: StoredValue<EngineRun>,
    playback: Playback,
) -> AnyView {
    view! { <QuizPanel entry=entry run=run playback=playback /> }.into_any()
}

/// The answer in words, after a wrong one.
fn say(answer: &Answer) -> String {
    match answer {
        Answer::YesNo(true) => "they are swapped".to_owned(),
        Answer::YesNo(false) => "they are not swapped".to_owned(),
        Answer::Side(Side::Left) => "the search goes on to its left".to_owned(),
        Answer::Side(Side::Right) => "the search goes on to its right".to_owned(),
        Answer::Position(at) => format!("position {at}"),
        Answer::Positions(at) => {
            let at: Vec<String> = at.iter().map(usize::to_string).collect();
            format!("positions {}", at.join(" and "))
        }
        // The tree kind's answers are said by its own quiz page, which comes with its pages.
        #[cfg(feature = "trees")]
        Answer::Under { parent, side } => format!(
            "it hangs as the {} child of {parent}",
            if *side == Side::Left { "left" } else { "right" }
        ),
    }
}

/// Whether the answer is one position (else several, or a choice).
fn one_position(question: &Question) -> bool {
    matches!(question, Question::NextProbe | Question::PivotLands { .. })
}

/// Positions typed as numbers separated by commas or spaces.
fn positions(text: &str) -> Result<Vec<usize>, String> {
    let items: Vec<&str> = text
        .split([',', ' '])
        .filter(|item| !item.is_empty())
        .collect();
    if items.is_empty() {
        return Err("Type a position (a number), or click a bar.".to_owned());
    }
    items
        .iter()
        .map(|item| {
            item.parse::<usize>().map_err(|_| {
                format!("\"{item}\" is not a position: type whole numbers, e.g. 3, 4.")
            })
        })
        .collect()
}

#[component]
fn QuizPanel(
    entry: &'static Card,
    run: StoredValue<EngineRun>,
    playback: Playback,
) -> impl IntoView {
    let tracker = use_context::<Tracker>();
    // The step whose next step is asked about, and the question.
    let asking = RwSignal::new(None::<(u64, Quiz)>);
    let outcome = RwSignal::new(None::<(bool, String)>);
    let problem = RwSignal::new(None::<String>);
    let typed = RwSignal::new(String::new());
    // (right, answered) in this run.
    let score = RwSignal::new((0u32, 0u32));
    // Steps already asked about in this run: going back and forward again does not ask twice.
    let done = StoredValue::new(Vec::<u64>::new());
    let last_step = run.with_value(EngineRun::last_step);

    let gate: Gate = Rc::new(move |from, to| {
        if let Some((at, _)) = asking.get_untracked() {
            return to.min(at);
        }
        // Each step's snapshot is the previous pair's next one: one seek per step.
        let mut now = run.with_value(|run| run.seek(from));
        for step in from..to {
            let next = run.with_value(|run| run.seek(step + 1));
            let asked = !done.with_value(|done| done.contains(&step));
            let quiz = asked.then(|| ask(&now, &next)).flatten();
            now = next;
            if let Some(quiz) = quiz {
                typed.set(String::new());
                problem.set(None);
                // The last answer's feedback belongs to its own question, never under the next one.
                outcome.set(None);
                asking.set(Some((step, quiz)));
                return step;
            }
        }
        to
    });
    playback.gate.set_value(Some(gate));
    on_cleanup(move || playback.gate.set_value(None));

    // Moves on past the question: the next step shows what really happened.
    let reveal = move |step: u64| {
        done.update_value(|done| done.push(step));
        asking.set(None);
        playback.by(1, last_step);
    };
    let answer = move |response: Answer| {
        let Some((step, quiz)) = asking.get_untracked() else {
            return;
        };
        let right = quiz.check(&response);
        score.update(|(r, n)| {
            *n += 1;
            *r += u32::from(right);
        });
        let (reason, narration) =
            run.with_value(|run| (quiz.reason(&run.seek(step)), run.seek(step + 1).narration));
        let because = reason.map_or(String::new(), |r| format!(" ({r})"));
        let verdict = if right {
            format!("Right{because}.")
        } else {
            format!("Not quite: {}{because}.", say(&quiz.answer))
        };
        outcome.set(Some((right, format!("{verdict} {narration}"))));
        if let Some(tracker) = tracker {
            tracker.record(Kind::QuizAnswered, entry.id, Some(right));
        }
        reveal(step);
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some((_, quiz)) = asking.get_untracked() else {
            return;
        };
        match positions(&typed.get_untracked()) {
            Ok(at) => match quiz.question {
                ref question if one_position(question) && at.len() == 1 => {
                    answer(Answer::Position(at[0]))
                }
                ref question if one_position(question) => {
                    problem.set(Some("Type one position.".to_owned()))
                }
                _ => answer(Answer::Positions(at)),
            },
            Err(message) => problem.set(Some(message)),
        }
    };
    // A click on a bar adds its position to the answer being typed.
    let click = window_event_listener(leptos::ev::click, move |event| {
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        // A tree's node answers "under which node" with its key.
        #[cfg(feature = "trees")]
        if let Some(node) = target
            .as_ref()
            .and_then(|t| t.closest("[data-testid=tree-node]").ok().flatten())
        {
            if asking.with_untracked(|a| {
                a.as_ref()
                    .is_some_and(|(_, q)| matches!(q.question, Question::TreeLands { .. }))
            }) {
                typed.set(node.text_content().unwrap_or_default());
            }
            return;
        }
        let by_position =
            |q: &Quiz| one_position(&q.question) || q.question == Question::NextCompared;
        if asking.with_untracked(|a| a.as_ref().is_none_or(|(_, q)| !by_position(q))) {
            return;
        }
        let bar = target.and_then(|t| t.closest("[data-testid=bar]").ok().flatten());
        if let Some(index) = bar.and_then(|bar| bar.get_attribute("data-index")) {
            typed.update(|text| {
                let single = asking
                    .with_untracked(|a| a.as_ref().is_some_and(|(_, q)| one_position(&q.question)));
                *text = if single || text.trim().is_empty() {
                    index
                } else {
                    format!("{}, {index}", text.trim())
                };
            });
        }
    });
    on_cleanup(move || click.remove());
    // The question takes focus, so the keyboard answers it at once.
    Effect::new(move |_| {
        if asking.with(Option::is_some) {
            request_animation_frame(|| {
                if let Some(first) = document()
                    .query_selector("[data-quiz-first]")
                    .ok()
                    .flatten()
                {
                    let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    });

    let question = move || {
        asking.get().map(|(step, quiz)| {
            let controls = match quiz.question {
                Question::WillSwap { .. } => view! {
                    <button data-quiz-first data-testid="quiz-yes" on:click=move |_| answer(Answer::YesNo(true))>"Yes, swapped"</button>
                    <button data-testid="quiz-no" on:click=move |_| answer(Answer::YesNo(false))>"No"</button>
                }
                .into_any(),
                #[cfg(feature = "trees")]
                Question::TreeWay { .. } => view! {
                    <button data-quiz-first data-testid="quiz-left" on:click=move |_| answer(Answer::Side(Side::Left))>"Left"</button>
                    <button data-testid="quiz-right" on:click=move |_| answer(Answer::Side(Side::Right))>"Right"</button>
                }
                .into_any(),
                #[cfg(feature = "trees")]
                Question::TreeLands { .. } => {
                    let under = move |side: Side| match typed.get_untracked().trim().parse::<i64>() {
                        Ok(parent) => answer(Answer::Under { parent, side }),
                        Err(_) => problem.set(Some("Type the key of the node it hangs under, or click that node.".to_owned())),
                    };
                    view! {
                        <label>
                            "Under the node "
                            <input data-quiz-first data-testid="quiz-input" inputmode="numeric" autocomplete="off" size="6"
                                placeholder="e.g. 30" prop:value=move || typed.get()
                                on:input=move |e| typed.set(event_target_value(&e)) />
                        </label>
                        <button data-testid="quiz-left" on:click=move |_| under(Side::Left)>"As its left child"</button>
                        <button data-testid="quiz-right" on:click=move |_| under(Side::Right)>"As its right child"</button>
                        <span class="hint">" or click the node"</span>
                    }
                    .into_any()
                }
                Question::WhichSide { .. } => view! {
                    <button data-quiz-first data-testid="quiz-left" on:click=move |_| answer(Answer::Side(Side::Left))>"Left"</button>
                    <button data-testid="quiz-right" on:click=move |_| answer(Answer::Side(Side::Right))>"Right"</button>
                }
                .into_any(),
                _ => view! {
                    <form class="quiz-form" on:submit=submit>
                        <label>
                            {if one_position(&quiz.question) { "Position " } else { "Positions " }}
                            <input data-quiz-first data-testid="quiz-input" inputmode="numeric" autocomplete="off"
                                placeholder=if one_position(&quiz.question) { "e.g. 4" } else { "e.g. 3, 4" }
                                prop:value=move || typed.get()
                                on:input=move |e| typed.set(event_target_value(&e)) />
                        </label>
                        <button type="submit" data-testid="quiz-answer">"Answer"</button>
                        <span class="hint">" or click the bars"</span>
                    </form>
                }
                .into_any(),
            };
            view! {
                <p class="quiz-question" data-testid="quiz-question">
                    "Before step " {step + 1} ": " {quiz.prompt()}
                </p>
                <div class="quiz-controls">
                    {controls}
                    <button data-testid="quiz-skip" on:click=move |_| reveal(step)>"Skip"</button>
                </div>
                {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            }
        })
    };
    view! {
        <section class="quiz" aria-labelledby="quiz-heading" data-testid="quiz">
            <h2 id="quiz-heading">"Predict the next step"</h2>
            <p data-testid="quiz-score">
                {move || {
                    let (right, answered) = score.get();
                    format!("Score: {right} of {answered}")
                }}
            </p>
            {question}
            <p class="quiz-outcome" role="status" aria-live="polite" data-testid="quiz-outcome"
                data-right=move || outcome.with(|o| o.as_ref().map(|(right, _)| right.to_string()))>
                {move || outcome.with(|o| o.as_ref().map(|(_, text)| text.clone()))}
            </p>
            {move || asking.with(Option::is_none).then(|| view! {
                <p class="hint">"Play or step forward: the run stops before each step that decides something."</p>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_read_from_commas_or_spaces_and_words_refused() {
        assert_eq!(positions("3, 4"), Ok(vec![3, 4]));
        assert_eq!(positions(" 7 "), Ok(vec![7]));
        assert_eq!(positions("1 2,3"), Ok(vec![1, 2, 3]));
        assert!(positions("").unwrap_err().contains("Type a position"));
        assert!(
            positions("3, x")
                .unwrap_err()
                .contains("\"x\" is not a position")
        );
        assert!(positions("-1").is_err());
    }

    #[test]
    fn wrong_answers_are_explained_in_words() {
        assert_eq!(say(&Answer::YesNo(false)), "they are not swapped");
        assert_eq!(say(&Answer::Position(5)), "position 5");
        assert_eq!(
            say(&Answer::Side(Side::Left)),
            "the search goes on to its left"
        );
        assert_eq!(say(&Answer::Positions(vec![2, 3])), "positions 2 and 3");
    }
}
