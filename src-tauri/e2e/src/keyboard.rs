//! The keyboard alone: keys pressed and released through WebDriver's actions, which go to
//! whatever has the focus, as a person's key presses do (no element is clicked or focused by
//! the test).

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::{AppSession, Result};

impl AppSession {
    /// Presses and releases `key` (a character, or a [`Key`] as `char::from(Key::Tab)`), with
    /// `modifiers` (such as `Key::Shift`) held down around it.
    pub async fn press_with(&self, modifiers: &[Key], key: char) -> Result<()> {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for modifier in modifiers {
            actions = actions.then(KeyAction::Down {
                value: char::from(*modifier),
            });
        }
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        for modifier in modifiers.iter().rev() {
            actions = actions.then(KeyAction::Up {
                value: char::from(*modifier),
            });
        }
        self.client().perform_actions(actions).await?;
        self.next_frames().await
    }

    /// Presses and releases `key`.
    pub async fn press(&self, key: Key) -> Result<()> {
        self.press_with(&[], char::from(key)).await
    }

    /// Presses Tab (Shift+Tab when `back`) until what has the focus satisfies `wanted`, at most
    /// `most` times; returns how many presses it took, or `None`.
    pub async fn tab_until(
        &self,
        back: bool,
        most: usize,
        wanted: impl Fn(&crate::Focused) -> bool,
    ) -> Result<Option<usize>> {
        let modifiers: &[Key] = if back { &[Key::Shift] } else { &[] };
        for presses in 1..=most {
            self.press_with(modifiers, char::from(Key::Tab)).await?;
            if wanted(&self.focused().await?) {
                return Ok(Some(presses));
            }
        }
        Ok(None)
    }
}
