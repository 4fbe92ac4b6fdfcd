'use strict';
// The sign-in form. It is real HTML so password managers, autofill and screen readers
// work with it, and it posts the credentials itself so the password never enters the
// WebAssembly heap. On success it hands over to the app with a `hawzu:signed-in` event;
// the app then reads GET /api/v1/session and shows the access tokens.
(function () {
  const form = document.getElementById('sign-in-form');
  const email = document.getElementById('email');
  const password = document.getElementById('password');
  const button = document.getElementById('sign-in-button');
  const error = document.getElementById('sign-in-error');
  const notice = document.getElementById('sign-in-notice');
  let busy = false;

  const showError = (message) => {
    error.textContent = message;
  };

  const setBusy = (value) => {
    busy = value;
    button.disabled = value;
    button.textContent = value ? 'Signing in…' : 'Sign in';
    form.setAttribute('aria-busy', value ? 'true' : 'false');
  };

  const retryMessage = (response) => {
    const seconds = Number.parseInt(response.headers.get('Retry-After') || '', 10);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      return 'Too many sign-in attempts. Wait a few minutes, then try again.';
    }
    const minutes = Math.ceil(seconds / 60);
    return seconds < 90
      ? `Too many sign-in attempts. Try again in ${seconds} seconds.`
      : `Too many sign-in attempts. Try again in ${minutes} minutes.`;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    notice.textContent = '';
    if (!email.value.trim() || !password.value) {
      showError('Enter your email and password.');
      (email.value.trim() ? password : email).focus();
      return;
    }
    showError('');
    setBusy(true);
    try {
      const response = await fetch('/api/v1/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Accept': 'application/json',
          'Content-Type': 'application/json',
          'X-Requested-With': 'hawzu-web',
        },
        body: JSON.stringify({email: email.value.trim(), password: password.value}),
      });
      if (response.ok) {
        password.value = '';
        window.hawzuPage.showScreen('loading');
        window.dispatchEvent(new Event('hawzu:signed-in'));
      } else if (response.status === 429) {
        showError(retryMessage(response));
      } else if (response.status === 401 || response.status === 400) {
        // One message for every credential failure: it must not reveal which accounts exist.
        showError('The email or password is incorrect.');
        password.select();
      } else {
        showError(`Signing in is not possible right now (HTTP ${response.status}). Try again shortly.`);
      }
    } catch (failure) {
      showError('The Hawzu server could not be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  });
})();
