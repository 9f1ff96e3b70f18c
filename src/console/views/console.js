// The pages work without it; with it, GOV.UK Frontend's components are enhanced (the template's inline script is refused by the CSP).
import { initAll } from '/console/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// A button that copies a field's text (a status link to pass on): hidden without JavaScript, where the field can be copied by hand.
for (const button of document.querySelectorAll('[data-copy-from]')) {
  const field = document.getElementById(button.dataset.copyFrom);
  const said = document.getElementById(button.dataset.copySaid);
  button.hidden = false;
  button.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      said.textContent = button.dataset.copySaying;
    } catch {
      // A browser that refuses the clipboard leaves the field selected, to be copied by hand.
      said.textContent = button.dataset.copyRefused;
    }
  });
}
