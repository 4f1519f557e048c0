//! Error answers from data calls, in the three shapes banks of this family use.

use serde::Deserialize;

/// What a bank said went wrong: a code and maybe a description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankErrorBody {
    pub code: String,
    pub description: Option<String>,
}

/// Descriptions are bank text shown in logs and on screen: keep them short.
const DESCRIPTION_LIMIT: usize = 200;

#[derive(Deserialize)]
#[serde(untagged)]
enum Shape {
    /// `{"errorCode","errorDescription"}`: the contract's own.
    Sbas {
        #[serde(rename = "errorCode")]
        code: String,
        #[serde(rename = "errorDescription")]
        description: Option<String>,
    },
    /// `{"error","error_description"}`: OAuth's (RFC 6749).
    OAuth {
        error: String,
        error_description: Option<String>,
    },
    /// `{"errors":[{"error","scope"}]}`
    List { errors: Vec<ListItem> },
}

#[derive(Deserialize)]
struct ListItem {
    error: String,
    scope: Option<String>,
}

impl BankErrorBody {
    /// `None` when the body is none of the known shapes.
    pub fn parse(body: &[u8]) -> Option<Self> {
        let (code, description) = match serde_json::from_slice(body).ok()? {
            Shape::Sbas { code, description } => (code, description),
            Shape::OAuth {
                error,
                error_description,
            } => (error, error_description),
            Shape::List { errors } => {
                let first = errors.into_iter().next()?;
                (first.error, first.scope)
            }
        };
        Some(Self {
            code: shorten(&code, 64),
            description: description.map(|text| shorten(&text, DESCRIPTION_LIMIT)),
        })
    }
}

fn shorten(text: &str, limit: usize) -> String {
    text.chars().take(limit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_three_shapes() {
        let sbas = BankErrorBody::parse(
            br#"{"errorCode":"PARAMETER_INVALID","errorDescription":"pageSize"}"#,
        );
        assert_eq!(sbas.unwrap().code, "PARAMETER_INVALID");
        let oauth =
            BankErrorBody::parse(br#"{"error":"invalid_token","error_description":"expired"}"#);
        assert_eq!(oauth.unwrap().description.as_deref(), Some("expired"));
        let list = BankErrorBody::parse(br#"{"errors":[{"error":"FORBIDDEN","scope":"iban"}]}"#);
        assert_eq!(list.unwrap().code, "FORBIDDEN");
        assert_eq!(BankErrorBody::parse(b"<html>503</html>"), None);
        assert_eq!(BankErrorBody::parse(br#"{"errors":[]}"#), None);
    }

    #[test]
    fn long_descriptions_are_cut() {
        let long = format!(
            r#"{{"errorCode":"X","errorDescription":"{}"}}"#,
            "a".repeat(5000)
        );
        let body = BankErrorBody::parse(long.as_bytes()).unwrap();
        assert_eq!(body.description.unwrap().len(), DESCRIPTION_LIMIT);
    }
}
