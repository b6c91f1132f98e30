//! Entry changes counted per action and per level, as the import summary and
//! `inspect` report them.

use serde::Serialize;

use super::{Action, Level};

/// Entry changes per action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ActionCounts {
    pub added: u64,
    pub amended: u64,
    pub replaced: u64,
    pub repealed: u64,
}

impl ActionCounts {
    pub fn add(&mut self, action: Action) {
        match action {
            Action::Added => self.added += 1,
            Action::Amended => self.amended += 1,
            Action::Replaced => self.replaced += 1,
            Action::Repealed => self.repealed += 1,
        }
    }
}

/// Entry changes per level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LevelCounts {
    pub province: u64,
    pub district: u64,
    pub commune: u64,
}

impl LevelCounts {
    pub fn add(&mut self, level: Level) {
        match level {
            Level::Province => self.province += 1,
            Level::District => self.district += 1,
            Level::Commune => self.commune += 1,
        }
    }

    /// The entry changes of every level.
    pub fn total(&self) -> u64 {
        self.province + self.district + self.commune
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_and_level_has_its_own_count() {
        let mut a = ActionCounts::default();
        for action in [Action::Added, Action::Repealed, Action::Repealed] {
            a.add(action);
        }
        assert_eq!(
            a,
            ActionCounts {
                added: 1,
                amended: 0,
                replaced: 0,
                repealed: 2
            }
        );
        let mut l = LevelCounts::default();
        l.add(Level::Commune);
        l.add(Level::District);
        assert_eq!((l.province, l.district, l.commune, l.total()), (0, 1, 1, 2));
    }
}
