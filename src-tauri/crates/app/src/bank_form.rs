//! What is wrong in the Banks form, field by field, for the UI to say next to the field.

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;
use vault::Sensitive;

use crate::error::Error;

/// A field of the Banks form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BankField {
    Name,
    BaseUrl,
    ClientId,
    ClientSecret,
    ClientCertificate,
    ClientKeyFile,
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BankFormProblem {
    Missing,
    /// Real banks are https only; plain http is the built-in Demo Bank's alone.
    NotHttps,
    NotAUrl,
    TooLong,
    /// Other users of this computer can read the private key file.
    ReadableByOthers,
    /// Not an unencrypted PEM PKCS#8 private key.
    NotAKey,
    NotACertificate,
    /// The private key does not belong to the certificate.
    KeyDoesNotMatch,
    /// The file cannot be read.
    Unreadable,
}

/// A secret typed in a form: it comes in from the webview and never goes back (no
/// `Serialize`), and it is redacted in `Debug`.
#[derive(Debug)]
pub struct SecretInput(pub Sensitive<String>);

impl<'de> Deserialize<'de> for SecretInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|secret| Self(Sensitive(secret)))
    }
}

pub(crate) fn field_error(field: BankField, problem: BankFormProblem) -> Error {
    Error::BankForm { field, problem }
}

/// The bank crate's complaint about a profile, at the form's field it concerns; any other
/// error as it is.
pub(crate) fn profile_error(error: bank::Error) -> Error {
    let bank::Error::InvalidField { field, problem } = error else {
        return error.into();
    };
    let field = match field {
        bank::ProfileField::Name => BankField::Name,
        bank::ProfileField::BaseUrl => BankField::BaseUrl,
        bank::ProfileField::ClientId => BankField::ClientId,
        bank::ProfileField::ClientCertificate => BankField::ClientCertificate,
    };
    let problem = match problem {
        bank::FieldProblem::Missing => BankFormProblem::Missing,
        bank::FieldProblem::NotAUrl => BankFormProblem::NotAUrl,
        bank::FieldProblem::NotHttps => BankFormProblem::NotHttps,
        bank::FieldProblem::TooLong => BankFormProblem::TooLong,
    };
    field_error(field, problem)
}

/// A certificate or key that cannot be used, at `field` (the file it was read from); a key
/// that does not match its certificate is the key's field.
pub(crate) fn identity_error(error: bank::Error, field: BankField) -> Error {
    let bank::Error::ClientIdentity { problem, .. } = &error else {
        return error.into();
    };
    let (field, problem) = match problem {
        bank::IdentityProblem::ReadableByOthers { .. } => {
            (field, BankFormProblem::ReadableByOthers)
        }
        bank::IdentityProblem::NotAKey { .. } => (field, BankFormProblem::NotAKey),
        bank::IdentityProblem::KeyDoesNotMatch => {
            (BankField::ClientKeyFile, BankFormProblem::KeyDoesNotMatch)
        }
        bank::IdentityProblem::Unreadable { .. } => (field, BankFormProblem::Unreadable),
        bank::IdentityProblem::TooLarge { .. } if field == BankField::ClientKeyFile => {
            (field, BankFormProblem::NotAKey)
        }
        bank::IdentityProblem::NotACertificate | bank::IdentityProblem::TooLarge { .. } => {
            (field, BankFormProblem::NotACertificate)
        }
    };
    tracing::info!(error = %error, "a certificate or key was refused");
    field_error(field, problem)
}
