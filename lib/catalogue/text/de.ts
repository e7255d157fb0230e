import type { CatalogueText } from './catalogueText';

/** German: the library in its own words (see catalogueText.ts). Couples are addressed as "ihr/du". */
export const de: CatalogueText = {
  bringNeed: {
    title: 'Was ich einbringe / Was ich brauche',
    facilitatorNote:
      'Gib den Paaren ein paar ruhige Minuten, in denen jede Person für sich schreibt. Lade sie dann ein, jedes Bedürfnis mit etwas zu verknüpfen, das vom Gegenüber kommt. Bedürfnisse ohne Verknüpfung sind kein Scheitern: Sie sind das Gespräch, das als Nächstes dran ist.',
    prompt:
      'Schreibt jeweils für euch auf, was ihr in eure Partnerschaft einbringt und was ihr von ihr braucht. Verknüpft dann jedes eurer Bedürfnisse mit etwas, das vom Gegenüber kommt. Ein Bedürfnis, zu dem noch nichts passt, ist ein guter Anlass für ein Gespräch.',
    columns: { bring: 'Was ich einbringe', need: 'Was ich brauche' },
  },
  spectrum: {
    title: 'Wo stehen wir auf dem Spektrum?',
    facilitatorNote:
      'Die Markierungen bleiben privat, bis beide so weit sind oder du sie aufdeckst. Erinnere die Gruppe daran, dass es auf der Linie keinen richtigen Platz gibt: Spannend wird es dort, wo die beiden Markierungen auseinanderliegen.',
    prompt:
      'Verorte dich für jeden Lebensbereich irgendwo zwischen „ganz für mich stehen“ und „mich anlehnen“. Dein Gegenüber sieht deine Markierungen erst, wenn ihr beide so weit seid.',
    areas: { money: 'Geld', home: 'Zuhause', feelings: 'Gefühle', friends: 'Freundschaften', work: 'Arbeit', family: 'Familie' },
    stops: { independence: 'Unabhängigkeit', dependence: 'Abhängigkeit', codependence: 'Co-Abhängigkeit', interdependence: 'Gegenseitige Verbundenheit' },
  },
  support: {
    title: 'Unterstützen und unterstützt werden',
    facilitatorNote:
      'Sich unterstützen zu lassen braucht die Bereitschaft, sich auf jemanden zu verlassen; zu unterstützen braucht ein Stück Unabhängigkeit. Lade die Paare ein wahrzunehmen, was von beidem ihnen jeweils leichter fällt.',
    prompt: 'Antworte zuerst für dich. Eure Antworten lest ihr gegenseitig, sobald ihr beide so weit seid.',
    questions: {
      feelSupported: 'Ich fühle mich von dir unterstützt, wenn …',
      hardToAsk: 'Worum ich nur schwer bitten kann',
      supportYou: 'Wie ich dich gern unterstütze',
    },
  },
  learning: {
    title: 'Aus Erfahrungen lernen',
    facilitatorNote:
      'Bitte die Paare, einen kleinen Moment aus letzter Zeit zu wählen, nicht ihren größten Konflikt. Die letzte Frage ist die wichtigste: ein Schritt aufeinander zu, angeboten und nicht eingefordert.',
    prompt: 'Denk an einen Moment aus letzter Zeit, der zwischen euch nicht so gelaufen ist wie gedacht. Schreib deine Sicht darauf auf – behutsam.',
    questions: {
      happened: 'Was passiert ist',
      felt: 'Was ich gefühlt habe',
      learned: 'Was ich gelernt habe',
      nextTime: 'Was ich beim nächsten Mal tun würde',
      repair: 'Was ich dir zur Versöhnung anbiete',
    },
  },
  value: {
    title: 'Was ich an dir schätze',
    facilitatorNote:
      'Eine warme Abschlussübung. Ermutige zu Konkretem: Eine Fähigkeit, die man letzte Woche erlebt hat, sagt mehr als ein allgemeines Kompliment.',
    prompt: 'Schreib auf, was du an deinem Gegenüber schätzt: die Eigenschaften, Talente, Fähigkeiten und das Wissen, die in eure Beziehung einfließen.',
    columns: { qualities: 'Eigenschaften', talents: 'Talente und Fähigkeiten', expertise: 'Wissen und Erfahrung' },
  },
  blanks: {
    columns: { title: 'Übung ohne Titel', prompt: 'Schreib hier deinen Impuls.', column: 'Erste Spalte' },
    spectrum: { title: 'Spektrum ohne Titel', prompt: 'Ordne dich auf jeder Linie ein.', area: 'Erster Bereich', stopStart: 'Ein Ende', stopEnd: 'Anderes Ende' },
    prompts: { title: 'Fragen ohne Titel', prompt: 'Beantworte jede Frage.', question: 'Erste Frage' },
  },
};
