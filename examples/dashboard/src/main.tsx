import { MaslulProvider } from '@maslul/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { source } from './source.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element for the dashboard.');
createRoot(root).render(
  <StrictMode>
    <MaslulProvider source={source}>
      <App />
    </MaslulProvider>
  </StrictMode>,
);
