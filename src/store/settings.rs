//! Settings kept with the catalog (`tthc config`): one text value per name.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};

impl Store {
    /// The value of a setting, `None` when it was never set (or was cleared).
    pub(crate) fn setting(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE name = ?1",
                params![name],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Sets a setting; `None` clears it.
    pub(crate) fn set_setting(&mut self, name: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(value) => self.conn.execute(
                "INSERT INTO settings (name, value) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                params![name, value],
            )?,
            None => self
                .conn
                .execute("DELETE FROM settings WHERE name = ?1", params![name])?,
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_is_kept_replaced_and_cleared() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.setting("province").unwrap(), None);
        store.set_setting("province", Some("Tỉnh Yên Bái")).unwrap();
        assert_eq!(
            store.setting("province").unwrap().as_deref(),
            Some("Tỉnh Yên Bái")
        );
        store.set_setting("province", Some("Tỉnh Lào Cai")).unwrap();
        assert_eq!(
            store.setting("province").unwrap().as_deref(),
            Some("Tỉnh Lào Cai")
        );
        store.set_setting("province", None).unwrap();
        assert_eq!(store.setting("province").unwrap(), None);
    }
}
