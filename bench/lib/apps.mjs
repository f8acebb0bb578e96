// The apps the bench measures, described so that every measure can drive them the same way: our app
// (served by bizkit-bff, with the demo users) and, when `cargo xtask bench` built and started it, the
// React peer (/work/shared/peers/react-forms, served by its own serve.mjs). Each app has the same
// page keys for the pages both have (`admin`: /contacts/new, `portal`: /portal/profile), the field
// whose accepting input counts as "interactive", the selectors of the typed fields, and the hooks
// that prepare a typing script (fill the profile, attach tags) the way that app needs.

// The demo customer's profile as the server creates it: the same file the end-to-end tests read.
import DEMO_PROFILE from '../../tests/e2e/support/demo-profile.json' with { type: 'json' };

/** The demo users the server creates on first start (as tests/e2e/support/fixtures.ts DEMO_USERS). */
export const ADMIN = { email: 'admin@demo.test', password: 'demo-admin' };
export const CUSTOMER = { email: 'jan@barasek.com', password: 'demo-customer' };

/**
 * The demo customer's profile with every field given (the server's demo profile has no referral ID
 * and no newsletter). Ours stores it through the API before the "all filled" run, so the form opens
 * full; the peer (whose form always opens empty) gets the same values filled in.
 */
export const FULL_PROFILE = {
  ...DEMO_PROFILE,
  newsletter: true,
  primaryLocale: 'cs',
  referralId: 'AbCdEfGh12345678',
  customerRealIp: '127.0.0.1',
  groups: ['vip', 'zahradni-klub'],
};
/**
 * Then changed in the page, so every text field is also edited (unsaved, its preview shown) — the
 * most the form has to re-check on a keystroke. The IČO stays as stored: a changed one asks ARES, a
 * network call that would be timed with the typing. Country and language stay as stored (filled).
 */
export const PROFILE_EDITS = {
  firstName: 'Jana Marie',
  lastName: 'Nováková',
  name: 'Ing. Jana Nováková',
  phone: '+420 608 123 456',
  companyName: 'Zahrada & spol. s.r.o.',
  taxIdentificationNumber: 'CZ27082440',
  streetAddress: 'Jankovcova 1522/53',
  cityPart: 'Holešovice',
  city: 'Praha',
  postalCode: '170 00',
  stateRegion: 'Hlavní město Praha',
  referralId: 'ZyXwVuTs87654321',
  customerRealIp: '2001:db8::1',
};
/** The tag the "all filled" setup adds in the page (ours picks the existing group of that name). */
export const PROFILE_ADDED_TAG = 'Stálí zákazníci';

/** What the two apps' pages have in common: the same paths, the same typed fields on the portal. */
const ADMIN_PAGE = { label: 'admin app', path: '/contacts/new', field: 'contact-email' };
const PORTAL_PAGE = { label: 'portal profile', path: '/portal/profile' };
const PORTAL_SELECTORS = { phone: '#profile-phone', name: '#profile-name' };

/** Our app on bizkit-bff at `baseUrl`: signs the demo users in once, for the sessions it seeds. */
export async function ours(baseUrl) {
  const admin = await sessionSeed(baseUrl, ADMIN);
  const customer = await sessionSeed(baseUrl, CUSTOMER);
  return {
    id: 'ours',
    label: 'ours',
    long: 'bizkit-forms (Leptos 0.8, wasm)',
    baseUrl,
    pages: {
      admin: {
        ...ADMIN_PAGE,
        storage: [[admin.key, admin.value]],
        // Loaded with the form; a typing script starts once it is in.
        data: ['/bff/customer-group/list'],
        interactive:
          'signed in as the demo admin (the session seeded in sessionStorage, sign-in not measured); ' +
          '#contact-email accepts input (the group list loads beside it)',
      },
      portal: {
        ...PORTAL_PAGE,
        field: 'profile-firstName',
        storage: [[customer.key, customer.value]],
        data: ['/api/v1/customer/profile'],
        interactive:
          'signed in as the demo customer (session seeded); the form shows once GET /api/v1/customer/profile ' +
          'answered (filled with the stored profile); #profile-firstName accepts input',
      },
      widget: {
        label: 'widget',
        path: '/embed-example.html',
        // The token the way its host page hands it over (see public/embed-example.js); the host
        // page's own storage is left alone.
        hash: `#token=${encodeURIComponent(customer.token)}`,
        field: 'profile-firstName',
        data: ['/api/v1/customer/profile'],
        // The widget's own files; the host page (its HTML, CSS, script, icon) is the host's download.
        own: (pathname) => pathname.startsWith('/widget/'),
        interactive: 'the customer token handed over in #token=…; #profile-firstName in the shadow root accepts input',
      },
    },
    selectors: {
      admin: {
        email: '#contact-email',
        phone: '#contact-phone',
        ico: '#contact-companyRegistrationNumber',
        tagInput: '#contact-groupList',
      },
      portal: PORTAL_SELECTORS,
    },
    /** Per typing script: what is done before opening, how the page is opened, what after. */
    prepare: {
      profileAllFilled: {
        async beforeOpen() {
          const stored = await fetch(`${baseUrl}/api/v1/customer/update-profile`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
            body: JSON.stringify(FULL_PROFILE),
          });
          if (stored.status !== 200) {
            throw new Error(`storing the full profile answered ${stored.status}: ${await stored.text()}`);
          }
        },
        async afterOpen(page) {
          for (const [name, value] of Object.entries(PROFILE_EDITS)) {
            // Our form has no IP field since issue 27 (the server records the caller's address);
            // the peer still types one, so its form does that much more per keystroke.
            if (name === 'customerRealIp') continue;
            await page.fill(`#profile-${name}`, value);
          }
          await page.fill('#profile-groups', PROFILE_ADDED_TAG);
          await page.press('#profile-groups', 'Enter');
          return profileState(page, 'form[data-form="profile"]', '.unsaved');
        },
      },
      contact100Tags: {
        // Existing groups, served in place of the demo organisation's: each tag is one of them.
        open: { groups: 100 },
        afterOpen: (page) => attachTags(page, 100, '#contact-groupList', '.tag-picker ul.tags > li'),
      },
    },
    /** Our session as src/session.rs keeps it, for measures that drive raw CDP. */
    sessions: { admin, customer },
  };
}

/** The React peer on its serve.mjs at `baseUrl`. */
export function peer(baseUrl) {
  // The peer reads a bearer token from sessionStorage 'token' and sends it as it is; its stub server
  // accepts anything, so any token does.
  const storage = [['token', 'bench-peer-token']];
  return {
    id: 'peer',
    label: 'peer',
    long: 'React 19 + react-hook-form + zod 4 (Vite build)',
    baseUrl,
    pages: {
      admin: {
        ...ADMIN_PAGE,
        storage,
        data: [],
        interactive: 'token seeded in sessionStorage; no request before the form; #contact-email accepts input',
      },
      portal: {
        ...PORTAL_PAGE,
        field: 'profile-first-name',
        storage,
        data: [],
        interactive:
          'token seeded in sessionStorage; the form is rendered empty at once (the peer loads no stored profile); ' +
          '#profile-first-name accepts input',
      },
    },
    selectors: {
      admin: {
        email: '#contact-email',
        phone: '#contact-phone',
        ico: '#contact-company-id',
        tagInput: '#contact-groups',
      },
      portal: PORTAL_SELECTORS,
    },
    prepare: {
      profileAllFilled: {
        // The same end state as ours: every field holds the stored profile with the edits on top,
        // and the same three groups are tags.
        async afterOpen(page) {
          const values = { ...FULL_PROFILE, ...PROFILE_EDITS };
          for (const [name, id] of Object.entries(PEER_PROFILE_TEXT_FIELDS)) await page.fill(`#${id}`, values[name]);
          await page.selectOption('#profile-country', values.country);
          await page.selectOption('#profile-language', values.primaryLocale);
          if (values.newsletter) await page.check('#profile-newsletter');
          for (const tag of [...values.groups, PROFILE_ADDED_TAG]) {
            await page.fill('#profile-groups', tag);
            await page.press('#profile-groups', 'Enter');
          }
          return profileState(page, 'form', null);
        },
      },
      contact100Tags: {
        // Free-entry tags: typed by the same names as our existing groups.
        afterOpen: (page) => attachTags(page, 100, '#contact-groups', 'ul.tag-list > li'),
      },
    },
  };
}

/** The peer's ids of the profile's text fields, by their name in the contract. */
const PEER_PROFILE_TEXT_FIELDS = {
  email: 'profile-email',
  name: 'profile-name',
  firstName: 'profile-first-name',
  lastName: 'profile-last-name',
  phone: 'profile-phone',
  companyName: 'profile-company-name',
  companyRegistrationNumber: 'profile-company-id',
  taxIdentificationNumber: 'profile-vat-id',
  streetAddress: 'profile-street',
  city: 'profile-city',
  cityPart: 'profile-city-part',
  stateRegion: 'profile-region',
  postalCode: 'profile-postal-code',
  customerRealIp: 'profile-ip',
  referralId: 'profile-referral-id',
};

/** A real token from our server, and the session JSON the app keeps in sessionStorage. */
async function sessionSeed(baseUrl, user) {
  const auth = await fetch(`${baseUrl}/api/v1/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (auth.status !== 200) throw new Error(`POST /api/v1/authenticate as ${user.email} answered ${auth.status}`);
  const { auth_token: token, role } = await auth.json();
  const session = await fetch(`${baseUrl}/api/v1/session`, { headers: { authorization: `Bearer ${token}` } });
  const info = session.ok ? await session.json() : {};
  // As src/session.rs stores it; anything but "admin" is a customer there too.
  const value = JSON.stringify({
    token,
    role: /^admin$/i.test(info.role ?? role ?? '') ? 'admin' : 'customer',
    email: info.email ?? user.email,
    organisation: info.organisation ?? null,
  });
  return { key: 'bizkit.session', value, token };
}

/** What is left empty in the form (nothing but the tag input should be), and the unsaved notice. */
async function profileState(page, form, unsavedSelector) {
  return page.evaluate(
    ({ form, unsavedSelector }) => ({
      emptyFieldsBeforeTyping: [
        ...document.querySelectorAll(`${form} input:not([type=checkbox]):not([type=color]), ${form} textarea`),
      ]
        .filter((el) => el.value.trim() === '')
        .map((el) => el.id),
      unsavedNotice: unsavedSelector ? (document.querySelector(unsavedSelector)?.textContent.trim() ?? '') : null,
    }),
    { form, unsavedSelector },
  );
}

/** Types `Skupina 0` … `Skupina n-1` + Enter into the tag input; fails unless n tags are shown. */
async function attachTags(page, count, input, tagItems) {
  for (let i = 0; i < count; i++) {
    await page.fill(input, `Skupina ${i}`);
    await page.press(input, 'Enter');
  }
  // One tag picker per form in both apps, so the page's tag items are this picker's.
  const attached = await page.evaluate((tagItems) => document.querySelectorAll(tagItems).length, tagItems);
  if (attached !== count) throw new Error(`${attached} tags attached, not ${count}`);
  return { tagsAttached: attached };
}
