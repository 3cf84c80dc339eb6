"""A form's fine print: what the reader agrees to by sending it, and how the form keeps its data."""

from __future__ import annotations

from cleaner.rules.framework.context import Page
from cleaner.rules.framework.kinds import Gate, Hit
from cleaner.rules.framework.registry import block_rule

# Fine print lists what the reader consents to (calls, texts, partners); a longer paragraph is a story's.
_MAX_FINE_PRINT_WORDS = 90


@block_rule(
    "FTR007",
    "form-fine-print",
    "footer",
    gate=Gate(max_words=_MAX_FINE_PRINT_WORDS, phrases=("form_actions", "form_data_notes")),
    alone=True,
)
def form_fine_print(page: Page, i: int) -> Hit | None:
    """Removes: the fine print under a sign-up, download or contact form: what the reader agrees
    to by sending it ("By submitting this form, you agree to our Privacy Policy.", "By providing
    your information and clicking Subscribe, you agree to our Terms of Use", "By submitting this
    form, you authorize the University to contact you via SMS", "En soumettant ce formulaire, vous
    acceptez...", "Mit dem Absenden stimme ich der Datenschutzerklärung zu"), and how the form
    keeps its data ("Your information will be processed according to our Privacy Policy.", "We
    will never share your email.", "This site is protected by reCAPTCHA and the Google Privacy
    Policy and Terms of Service apply.").

    Why: company pages, newsletters and course sites set a form beside every article; its fine
    print reads as sentences and stays when the form's buttons go.

    False positives: a story's sentence that opens the same way is kept: the reader ("you", "I")
    must agree, consent or authorise in it after the form's action, to what a form asks (terms, a
    privacy policy, emails, calls: "By registering as a voter, you confirm that you are a citizen."
    stays); so is reported speech, and a note on data must open the line and say what is done with
    the data ("Your information will be processed", not "Your email will be answered").

    Example: "By signing up, you agree to our Terms of Use and Privacy Policy." -> dropped.
    """
    text = page.blocks[i].text.strip()
    vocab = page.vocab
    if vocab.search("reporting_verbs", text):
        return None
    if vocab.starts("form_data_notes", text):
        return Hit(detail="how the form keeps its data")
    action = vocab.starts("form_actions", text)
    after = text[action.end() :] if action is not None else ""
    consent = vocab.search("form_consents", after) if after else None
    if consent is not None and vocab.search("form_terms", after[consent.end() :]):
        return Hit(detail="what sending the form agrees to")
    return None
