import { MaslulProvider } from '@maslul/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { source } from './source.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element for the dashboard.');
// One query cache for maslul's hooks and the page's own reads (the week, the portfolio).
const queryClient = new QueryClient();
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MaslulProvider source={source} queryClient={queryClient}>
        <App />
      </MaslulProvider>
    </QueryClientProvider>
  </StrictMode>,
);
