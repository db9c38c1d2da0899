import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import '@/assets/tailwind.css';
import { uiLocale } from '@/components/ui-locale';
import { App } from './App';

document.documentElement.lang = uiLocale();
document.title = i18n.t('popup.title');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
