//! `application/x-www-form-urlencoded` fields (query strings and form bodies), with repeated
//! names kept: the consent form repeats `account`, and OAuth forbids repeating anything else.

/// The fields of a form, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct FormFields {
    pairs: Vec<(String, String)>,
}

/// A field that must appear at most once appeared more often (RFC 6749 3.1, 3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Repeated<'a>(pub &'a str);

impl FormFields {
    pub(crate) fn parse(encoded: &[u8]) -> Self {
        Self {
            pairs: url::form_urlencoded::parse(encoded).into_owned().collect(),
        }
    }

    /// The value of a field that may appear once; an empty value counts as absent.
    pub(crate) fn single<'a>(&self, name: &'a str) -> Result<Option<&str>, Repeated<'a>> {
        let mut values = self.all(name);
        match (values.next(), values.next()) {
            (_, Some(_)) => Err(Repeated(name)),
            (value, None) => Ok(value.filter(|value| !value.is_empty())),
        }
    }

    /// Every value of a repeatable field.
    pub(crate) fn all<'s>(&'s self, name: &str) -> impl Iterator<Item = &'s str> {
        self.pairs
            .iter()
            .filter(move |(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_single_and_repeated_fields() {
        let form = FormFields::parse(b"a=1&account=SK1&account=SK2&empty=&state=x%26y+z");
        assert_eq!(form.single("a"), Ok(Some("1")));
        assert_eq!(form.single("state"), Ok(Some("x&y z")));
        assert_eq!(form.single("empty"), Ok(None));
        assert_eq!(form.single("missing"), Ok(None));
        assert_eq!(form.single("account"), Err(Repeated("account")));
        assert_eq!(form.all("account").collect::<Vec<_>>(), ["SK1", "SK2"]);
    }
}
