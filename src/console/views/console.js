// The pages work without it; with it, GOV.UK Frontend's components are enhanced (the template's inline script is refused by the CSP).
import { initAll } from '/console/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
