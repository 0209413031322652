// Linli: keep moment.js in step with the Tasklist UI language.
//
// Loaded by Tasklist through `customScripts` in scripts/config.js (as an ES
// module, before AngularJS bootstraps; `window.angular` and the
// `cam.tasklist.custom` module already exist at that point).
//
// Why: the webapps define a moment locale from the `dateLocales` block of
// every locale file they load (locales/zh.json -> moment locale "zh") and
// moment makes the last defined locale the global one. When the browser is
// English, Tasklist loads en.json *and* the fallback zh.json, so whichever
// arrives last would win. This run block re-selects the locale that
// angular-translate actually uses and tells angular-moment to refresh the
// relative times ("3 小时后", "2 天前") of the task list.
//
// It changes nothing else: dates are still shown in the browser's time zone
// (the footer shows which one); the webapps offer no time zone setting.
const angular = window.angular;

angular.module('cam.tasklist.custom').run([
  '$injector',
  '$rootScope',
  function($injector, $rootScope) {
    if (
      !$injector.has('$translate') ||
      !$injector.has('amMoment') ||
      !$injector.has('moment')
    ) {
      return;
    }
    const $translate = $injector.get('$translate');
    const amMoment = $injector.get('amMoment');
    const moment = $injector.get('moment');

    function syncMomentLocale() {
      const lang = $translate.use() || $translate.proposedLanguage();
      if (
        lang &&
        moment.locales().indexOf(lang) !== -1 &&
        moment.locale() !== lang
      ) {
        amMoment.changeLocale(lang);
      }
    }

    $rootScope.$on('$translateChangeSuccess', syncMomentLocale);
    $rootScope.$on('$translateLoadingEnd', syncMomentLocale);
    syncMomentLocale();
  }
]);

// No Tasklist plugin is exported; the module only registers the run block.
export default [];
