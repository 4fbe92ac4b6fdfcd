'use strict';
// Runs before app.js. It sets up what must exist before Emscripten starts:
//
// 1. A keyboard guard. Emscripten 3.1.6's GLFW listens for keys on `window` in the
//    capture phase, cancels Tab and Backspace page-wide and forwards every key to ImGui.
//    Registered first, this listener stops key events from reaching GLFW whenever they
//    belong to the HTML page: while the sign-in form (or any non-canvas screen) shows,
//    and for keys typed into a real form control.
// 2. `Module`, Emscripten's configuration (the canvas to draw on).
// 3. `window.hawzuPage`, which the app calls to switch between the loading indicator,
//    the sign-in form and the canvas.
(function () {
  const formControl = 'input, textarea, select, button, form';
  const guardKeys = (event) => {
    const target = event.target;
    // The accessibility mirror's elements (a11y-mirror.js) stand for ImGui's widgets:
    // their keys go on to the app.
    const inFormControl = target instanceof Element && target.closest(formControl) !== null &&
      !target.classList.contains('clipboard-fallback') && target.closest('#a11y-mirror') === null;
    if (document.body.dataset.screen !== 'app' || inFormControl) {
      event.stopImmediatePropagation();
    }
  };
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, guardKeys, true);
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: () => window.hawzuPage.showFatalError(
      'The page stopped because of an internal error. Reload it to try again.'),
  };

  window.hawzuPage = {
    showScreen(name) {
      document.body.dataset.screen = name;
      if (name !== 'app' && window.hawzuA11y) window.hawzuA11y.reset();
      if (name === 'app') document.getElementById('canvas').focus({preventScroll: true});
    },
    showSignIn(message) {
      const notice = document.getElementById('sign-in-notice');
      notice.textContent = message || '';
      this.showScreen('sign-in');
      const email = document.getElementById('email');
      (email.value ? document.getElementById('password') : email).focus();
    },
    showFatalError(message) {
      document.getElementById('fatal-text').textContent = message;
      this.showScreen('fatal');
    },
  };
})();
