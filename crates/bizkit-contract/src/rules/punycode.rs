//! RFC 3492 Punycode encoder, enough for turning an IDN label into its `xn--` form.
//!
//! Hand-written instead of the `idna` crate to keep the wasm bundle small. It does not apply
//! IDNA mapping or NFC normalisation: callers lower-case the label first.

const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn adapt(delta: u32, num_points: u32, first_time: bool) -> u32 {
    let mut delta = if first_time { delta / DAMP } else { delta / 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (((BASE - TMIN + 1) * delta) / (delta + SKEW))
}

fn digit(d: u32) -> char {
    // d < 36 by construction of the callers.
    let byte = if d < 26 {
        b'a' + d as u8
    } else {
        b'0' + (d as u8 - 26)
    };
    char::from(byte)
}

/// The Punycode form of `input` (without the `xn--` prefix); `None` on arithmetic overflow,
/// which only absurdly long input can cause.
pub(crate) fn encode(input: &str) -> Option<String> {
    let code_points: Vec<u32> = input.chars().map(u32::from).collect();
    let mut out: String = input.chars().filter(char::is_ascii).collect();
    let basic = u32::try_from(out.len()).ok()?;
    let total = u32::try_from(code_points.len()).ok()?;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    while handled < total {
        let m = code_points.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &code_points {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k = k.checked_add(BASE)?;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn known_vectors() {
        // RFC 3492 section 7.1 samples and common IDN labels.
        let cases = [
            ("bücher", "bcher-kva"),
            ("münchen", "mnchen-3ya"),
            ("příklad", "pklad-zsa96e"),
            ("ü", "tda"),
            ("例え", "r8jz45g"),
            ("中文", "fiq228c"),
            ("παράδειγμα", "hxajbheg2az3al"),
            ("пример", "e1afmkfd"),
            ("he", "he-"),
            ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
            ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
            ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
            ("mañana", "maana-pta"),
            ("žluťoučký", "luouk-uva4it5a4g"),
        ];
        for (input, expected) in cases {
            assert_eq!(encode(input).as_deref(), Some(expected), "{input}");
        }
    }
}
