import type { CatalogueText } from './catalogueText';

/** French: the library in its own words (see catalogueText.ts). */
export const fr: CatalogueText = {
  bringNeed: {
    title: 'Ce que j’apporte / Ce dont j’ai besoin',
    facilitatorNote:
      'Laissez aux couples quelques minutes de calme pour écrire chacun de leur côté, puis invitez-les à relier chaque besoin à quelque chose que l’autre apporte. Un besoin resté sans lien n’est pas un échec : c’est la prochaine conversation à avoir.',
    prompt:
      'Chacun de votre côté, notez ce que vous apportez à votre relation et ce dont vous avez besoin. Reliez ensuite chacun de vos besoins à quelque chose que votre partenaire apporte. Un besoin que rien ne comble encore, c’est une belle conversation à avoir.',
    columns: { bring: 'Ce que j’apporte', need: 'Ce dont j’ai besoin' },
  },
  spectrum: {
    title: 'Où nous situons-nous ?',
    facilitatorNote:
      'Les positions restent privées jusqu’à ce que les deux partenaires aient terminé, ou que vous les dévoiliez. Rappelez au groupe qu’il n’y a pas de bonne place sur la ligne : ce qui est intéressant, c’est l’écart entre les deux positions.',
    prompt:
      'Pour chaque domaine de la vie, situez-vous entre avancer en solo et vous appuyer sur l’autre. Votre partenaire ne verra pas vos positions avant que vous ayez terminé tous les deux.',
    areas: { money: 'Argent', home: 'Maison', feelings: 'Émotions', friends: 'Amitiés', work: 'Travail', family: 'Famille' },
    stops: { independence: 'Indépendance', dependence: 'Dépendance', codependence: 'Codépendance', interdependence: 'Interdépendance' },
  },
  support: {
    title: 'Donner et recevoir du soutien',
    facilitatorNote:
      'Recevoir du soutien demande d’accepter de dépendre de l’autre ; en donner demande une part d’indépendance. Invitez les couples à remarquer lequel des deux vient le plus facilement à chacun.',
    prompt: 'Répondez d’abord chacun de votre côté. Vous lirez les réponses de l’autre quand vous aurez terminé tous les deux.',
    questions: {
      feelSupported: 'Je sens ton soutien quand…',
      hardToAsk: 'Ce qu’il m’est difficile de demander',
      supportYou: 'Comment j’aime te soutenir',
    },
  },
  learning: {
    title: 'Apprendre de l’expérience',
    facilitatorNote:
      'Proposez aux couples de choisir un petit moment récent plutôt que leur plus gros conflit. La dernière question compte le plus : un geste de réparation proposé, pas exigé.',
    prompt: 'Pensez à un moment récent entre vous qui ne s’est pas passé comme prévu. Écrivez votre version, avec douceur.',
    questions: {
      happened: 'Ce qui s’est passé',
      felt: 'Ce que j’ai ressenti',
      learned: 'Ce que j’ai appris',
      nextTime: 'Ce que je ferais la prochaine fois',
      repair: 'Le geste de réparation que je propose',
    },
  },
  value: {
    title: 'Ce que j’apprécie chez toi',
    facilitatorNote: 'Un exercice de clôture, tout en chaleur. Encouragez le concret : un savoir-faire remarqué la semaine dernière vaut mieux qu’un compliment général.',
    prompt: 'Nommez ce que vous appréciez chez votre partenaire : ses qualités, ses talents, ses compétences et ses savoirs.',
    columns: { qualities: 'Qualités', talents: 'Talents et compétences', expertise: 'Domaines d’expertise' },
  },
  blanks: {
    columns: { title: 'Exercice sans titre', prompt: 'Écrivez votre consigne ici.', column: 'Première colonne' },
    spectrum: { title: 'Échelle sans titre', prompt: 'Situez-vous sur chaque ligne.', area: 'Premier domaine', stopStart: 'Une extrémité', stopEnd: 'L’autre extrémité' },
    prompts: { title: 'Questions sans titre', prompt: 'Répondez à chaque question.', question: 'Première question' },
  },
};
