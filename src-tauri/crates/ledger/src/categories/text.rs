//! Text as rules compare it: lowercase, without accents, so "Záloha" is found by "zaloha".

/// `text` in lowercase with the accents of Central and Western European letters dropped;
/// everything else is kept as it is.
pub(crate) fn folded(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for letter in text.chars().flat_map(char::to_lowercase) {
        if letter.is_ascii() {
            folded.push(letter);
            continue;
        }
        match bank::fold(letter) {
            "" => folded.push(letter),
            ascii => folded.push_str(ascii),
        }
    }
    folded
}

/// Whether `words` (folded) stand in `text` (folded) as whole words: neither end joins a
/// letter or digit of the text, so "mol" is not found in "molnarova".
pub(crate) fn has_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(start, found)| {
        let before = text[..start].chars().next_back();
        let after = text[start + found.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents_and_keeps_the_rest() {
        assert_eq!(
            folded("Záloha PLYN, Ďurko & co."),
            "zaloha plyn, durko & co."
        );
    }

    #[test]
    fn words_are_found_whole_only() {
        assert!(has_words("mol levicka", "mol"));
        assert!(has_words("cs mol, nitra", "mol"));
        assert!(!has_words("katarina molnarova", "mol"));
        assert!(!has_words("komol", "mol"));
        assert!(has_words("platba mall.sk", "mall.sk"));
        assert!(has_words("coop jednota hlavna", "coop jednota"));
    }
}
