//! Statements built from one list of columns and bound by name, so a column and its value
//! stand together once and no placeholder number or row index has to be kept in step by hand.

use rusqlite::{Error, ToSql, Transaction};

/// A column and the value to write into it (bound to the placeholder `:column`).
pub type Value<'a> = (&'static str, &'a dyn ToSql);

/// The text of an optional validated value, as its column stores it.
pub fn text<T: AsRef<str>>(value: &Option<T>) -> Option<&str> {
    value.as_ref().map(AsRef::as_ref)
}

/// The SELECT list of these columns: `a, b, c`.
pub fn list(columns: &[&str]) -> String {
    columns.join(", ")
}

/// Inserts one row of `values` into `table`; answers the number of rows inserted.
pub fn insert(tx: &Transaction<'_>, table: &str, values: &[Value<'_>]) -> rusqlite::Result<usize> {
    let columns = list(&values.iter().map(|(c, _)| *c).collect::<Vec<_>>());
    let placeholders = values
        .iter()
        .map(|(c, _)| format!(":{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    execute(
        tx,
        &format!("INSERT INTO {table} ({columns}) VALUES ({placeholders})"),
        values,
    )
}

/// Sets `values` on the rows of `table` that `filter` picks; `keys` are the values of the
/// filter's own placeholders. Answers the number of rows changed.
pub fn update(
    tx: &Transaction<'_>,
    table: &str,
    values: &[Value<'_>],
    filter: &str,
    keys: &[Value<'_>],
) -> rusqlite::Result<usize> {
    let set = values
        .iter()
        .map(|(c, _)| format!("{c} = :{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let all: Vec<Value<'_>> = values.iter().chain(keys).copied().collect();
    execute(
        tx,
        &format!("UPDATE {table} SET {set} WHERE {filter}"),
        &all,
    )
}

/// Runs `sql` with each value bound to the placeholder of its column's name. SQLite leaves a
/// placeholder nobody binds NULL without a word, so a count that differs is an error here.
fn execute(tx: &Transaction<'_>, sql: &str, values: &[Value<'_>]) -> rusqlite::Result<usize> {
    let names: Vec<String> = values.iter().map(|(c, _)| format!(":{c}")).collect();
    let named: Vec<(&str, &dyn ToSql)> = names
        .iter()
        .map(String::as_str)
        .zip(values.iter().map(|(_, v)| *v))
        .collect();
    let mut statement = tx.prepare_cached(sql)?;
    let expected = statement.parameter_count();
    if expected != named.len() {
        return Err(Error::InvalidParameterCount(named.len(), expected));
    }
    statement.execute(named.as_slice())
}
