//! Authorization requests in progress: opened by the authorize page, signed into, then
//! decided on the consent page. The request's id travels in the pages' forms as a hidden field,
//! so a form can only act on a request that this bank opened moments before.

use std::collections::HashMap;
use std::time::Duration;

use time::OffsetDateTime;

use crate::data::UserId;
use crate::secrets::random_token;

/// How long the user has to sign in and decide.
const REQUEST_LIFETIME: Duration = Duration::from_mins(10);

/// What the authorize call asked for, and who has signed in since.
#[derive(Debug, Clone)]
pub(crate) struct AuthorizationRequest {
    pub client_id: String,
    pub redirect_uri: String,
    pub state: Option<String>,
    pub code_challenge: Option<String>,
    pub opened_at: OffsetDateTime,
    pub user: Option<UserId>,
}

#[derive(Debug, Default)]
pub(crate) struct PendingRequests {
    by_id: HashMap<String, AuthorizationRequest>,
}

impl PendingRequests {
    /// Files `request` and returns its id for the forms; forgets requests that timed out.
    pub(crate) fn open(&mut self, request: AuthorizationRequest) -> String {
        let now = request.opened_at;
        self.by_id.retain(|_, open| !is_stale(open, now));
        let id = random_token();
        self.by_id.insert(id.clone(), request);
        id
    }

    /// The live request with this id.
    pub(crate) fn get_mut(
        &mut self,
        id: &str,
        now: OffsetDateTime,
    ) -> Option<&mut AuthorizationRequest> {
        self.by_id
            .get_mut(id)
            .filter(|request| !is_stale(request, now))
    }

    /// Ends the request: a decision is made once.
    pub(crate) fn close(&mut self, id: &str, now: OffsetDateTime) -> Option<AuthorizationRequest> {
        self.by_id
            .remove(id)
            .filter(|request| !is_stale(request, now))
    }
}

fn is_stale(request: &AuthorizationRequest, now: OffsetDateTime) -> bool {
    now >= request.opened_at + REQUEST_LIFETIME
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(opened_at: OffsetDateTime) -> AuthorizationRequest {
        AuthorizationRequest {
            client_id: "c".into(),
            redirect_uri: "app:/cb".into(),
            state: None,
            code_challenge: None,
            opened_at,
            user: None,
        }
    }

    #[test]
    fn a_request_lives_ten_minutes_and_closes_once() {
        let now = OffsetDateTime::now_utc();
        let mut requests = PendingRequests::default();
        let id = requests.open(request(now));
        assert!(
            requests
                .get_mut(&id, now + Duration::from_secs(599))
                .is_some()
        );
        assert!(
            requests
                .get_mut(&id, now + Duration::from_mins(10))
                .is_none()
        );
        assert!(requests.close(&id, now).is_some());
        assert!(requests.close(&id, now).is_none());
    }
}
